using SyncHire.Runtime.Storage;
using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public abstract partial class ClusterStorageContract
{
    [Fact]
    public async Task StateIsWrittenAndRewrittenUnderItsETag()
    {
        var storage = await NewStorageAsync();
        Assert.Equal(new StoredState(null, null), await storage.ReadStateAsync("interview/1", Ct));

        var first = await storage.WriteStateAsync("interview/1", """{"turn":1}""", null, Ct);
        var second = await storage.WriteStateAsync("interview/1", """{"turn":2}""", first, Ct);

        Assert.NotEqual(first, second);
        Assert.Equal(new StoredState("""{"turn":2}""", second), await storage.ReadStateAsync("interview/1", Ct));
    }

    [Fact]
    public async Task AStaleETagIsRefusedAndTheStoredStateStays()
    {
        var storage = await NewStorageAsync();
        var stale = await storage.WriteStateAsync("interview/1", """{"turn":1}""", null, Ct);
        var current = await storage.WriteStateAsync("interview/1", """{"turn":2}""", stale, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("interview/1", """{"turn":99}""", stale, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("interview/1", """{"turn":99}""", null, Ct));

        Assert.Equal(new StoredState("""{"turn":2}""", current), await storage.ReadStateAsync("interview/1", Ct));
    }

    [Fact]
    public async Task WritingWithAnETagWhenNothingIsStoredIsRefused()
    {
        var storage = await NewStorageAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("interview/1", "{}", "made-up", Ct));

        Assert.Equal(new StoredState(null, null), await storage.ReadStateAsync("interview/1", Ct));
    }

    [Fact]
    public async Task OfWritersRacingFromTheSameETagExactlyOneSucceeds()
    {
        var storage = await NewStorageAsync();
        var etag = await storage.WriteStateAsync("interview/1", """{"writer":-1}""", null, Ct);

        var outcomes = await RaceAsync(16, async (contender, i) =>
        {
            try
            {
                return (Writer: i, ETag: (string?)await contender.WriteStateAsync("interview/1", $$"""{"writer":{{i}}}""", etag, Ct));
            }
            catch (InconsistentStateException)
            {
                return (Writer: i, ETag: null);
            }
        });

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        Assert.Equal(new StoredState($$"""{"writer":{{winner.Writer}}}""", winner.ETag), await storage.ReadStateAsync("interview/1", Ct));
    }

    [Fact]
    public async Task OfFirstWritersRacingForAnEmptyGrainExactlyOneSucceeds()
    {
        await NewStorageAsync();

        var outcomes = await RaceAsync(16, async (contender, i) =>
        {
            try
            {
                return (string?)await contender.WriteStateAsync("interview/1", "{}", null, Ct);
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        });

        Assert.Single(outcomes, etag => etag is not null);
    }

    [Fact]
    public async Task ClearingNeedsTheCurrentETagAndThenAllowsAFreshStart()
    {
        var storage = await NewStorageAsync();
        var stale = await storage.WriteStateAsync("interview/1", """{"turn":1}""", null, Ct);
        var current = await storage.WriteStateAsync("interview/1", """{"turn":2}""", stale, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("interview/1", stale, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("interview/1", null, Ct));
        Assert.Equal(current, (await storage.ReadStateAsync("interview/1", Ct)).ETag);

        await storage.ClearStateAsync("interview/1", current, Ct);
        Assert.Equal(new StoredState(null, null), await storage.ReadStateAsync("interview/1", Ct));
        await storage.ClearStateAsync("interview/1", null, Ct);

        var restarted = await storage.WriteStateAsync("interview/1", """{"turn":1}""", null, Ct);
        Assert.Equal(restarted, (await storage.ReadStateAsync("interview/1", Ct)).ETag);
    }

    [Fact]
    public async Task StateOfOneGrainNeverTouchesAnother()
    {
        var storage = await NewStorageAsync();
        var one = await storage.WriteStateAsync("interview/1", "1", null, Ct);
        var two = await storage.WriteStateAsync("interview/2", "2", null, Ct);

        await storage.ClearStateAsync("interview/1", one, Ct);

        Assert.Equal(new StoredState("2", two), await storage.ReadStateAsync("interview/2", Ct));
    }
}
