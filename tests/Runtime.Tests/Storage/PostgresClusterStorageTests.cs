namespace SyncHire.Runtime.Tests.Storage;

public sealed class PostgresClusterStorageTests : ClusterStorageContract
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await PostgresTestDatabase.CreateAsync(cancellationToken);
}
