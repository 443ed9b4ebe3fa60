using SyncHire.Runtime.Tests.Storage;

namespace SyncHire.Runtime.Tests.Cluster;

public sealed class SqliteClusterTests : ClusterContract
{
    protected override Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ITestDatabase>(SqliteTestDatabase.Create());
}

public sealed class PostgresClusterTests : ClusterContract
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await PostgresTestDatabase.CreateAsync(cancellationToken);
}
