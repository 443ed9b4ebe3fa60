using SyncHire.Testing;

namespace SyncHire.Platform.Tests.Storage;

public sealed class PostgresPlatformStoreTests : PlatformStoreContract
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await PostgresTestDatabase.CreateAsync(cancellationToken);
}
