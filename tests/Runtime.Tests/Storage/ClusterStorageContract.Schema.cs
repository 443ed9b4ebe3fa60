using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public abstract partial class ClusterStorageContract
{
    [Fact]
    public async Task InitializingAgainKeepsEverythingWritten()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);
        var etag = await storage.WriteStateAsync("interview/1", """{"n":1}""", null, Ct);

        await storage.InitializeAsync(Ct);
        await (await NewStorageAsync(initialize: false)).InitializeAsync(Ct);

        Assert.Equal("silo-a", Assert.Single(await storage.ReadSilosAsync(Ct)).SiloId);
        Assert.Equal(new("""{"n":1}""", etag), await storage.ReadStateAsync("interview/1", Ct));
    }

    [Fact]
    public async Task SilosStartingAtOnceAllInitializeTheSameSchema()
    {
        var initialized = await RaceAsync(8, async (storage, _) =>
        {
            await storage.InitializeAsync(Ct);
            return true;
        }, warmUp: false);

        Assert.All(initialized, Assert.True);
        var storage = await NewStorageAsync(initialize: false);
        var etag = await storage.WriteStateAsync("interview/1", "{}", null, Ct);
        Assert.Equal(etag, (await storage.ReadStateAsync("interview/1", Ct)).ETag);
    }
}
