using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public sealed class PostgresClusterStorageTests : ClusterStorageContract
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await PostgresTestDatabase.CreateAsync(cancellationToken);

    /// <summary>
    /// A database restart or failover leaves every idle pooled connection dead. Reads must not fail on them: a
    /// grain activating or a gateway listing members right after the database came back would otherwise error.
    /// </summary>
    [Fact]
    public async Task Reads_succeed_on_the_first_try_after_the_server_cut_every_pooled_connection()
    {
        var storage = await NewStorageAsync();
        await storage.WriteStateAsync("counter/1", """{"value":1}""", expectedETag: null, Ct);
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => storage.ReadStateAsync("counter/1", Ct)));

        await ((PostgresTestDatabase)Database).CutSessionsAsync(Ct);

        Assert.Equal("""{"value":1}""", (await storage.ReadStateAsync("counter/1", Ct)).Json);
        Assert.Equal(["silo-a"], (await storage.ReadSilosAsync(Ct)).Select(s => s.SiloId));
        Assert.Equal("""{"value":1}""", (await storage.ReadStateAsync("counter/1", Ct)).Json);
    }
}
