using SyncHire.Testing;

namespace SyncHire.Platform.Tests.Storage;

public sealed class SqlitePlatformStoreTests : PlatformStoreContract
{
    protected override Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ITestDatabase>(SqliteTestDatabase.Create());
}
