namespace SyncHire.Runtime.Tests.Storage;

public sealed class SqliteClusterStorageTests : ClusterStorageContract
{
    protected override Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ITestDatabase>(SqliteTestDatabase.Create());
}
