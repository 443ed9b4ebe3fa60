using SyncHire.Runtime.Storage;
using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public abstract partial class ClusterStorageContract
{
    [Fact]
    public async Task TheFirstRegistrationWinsAndLaterOnesGetIt()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);
        await storage.UpsertSiloAsync(ActiveSilo("silo-b"), Ct);
        var first = Entry("interview/1", "silo-a");

        Assert.Null(await storage.LookupAsync("interview/1", Ct));
        Assert.Equal(first, await storage.RegisterAsync(first, Ct));
        Assert.Equal(first, await storage.RegisterAsync(Entry("interview/1", "silo-b"), Ct));
        Assert.Equal(first, await storage.LookupAsync("interview/1", Ct));
    }

    [Fact]
    public async Task RegistrationOnAShuttingDownSiloStillHoldsTheGrain()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a") with { Status = SiloStatus.ShuttingDown }, Ct);
        await storage.UpsertSiloAsync(ActiveSilo("silo-b"), Ct);
        var held = await storage.RegisterAsync(Entry("interview/1", "silo-a"), Ct);

        Assert.Equal(held, await storage.RegisterAsync(Entry("interview/1", "silo-b"), Ct));
    }

    [Fact]
    public async Task UnregisterRemovesOnlyTheNamedActivation()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);
        var entry = await storage.RegisterAsync(Entry("interview/1", "silo-a", "activation-2"), Ct);

        await storage.UnregisterAsync("interview/1", "activation-1", Ct);
        Assert.Equal(entry, await storage.LookupAsync("interview/1", Ct));

        await storage.UnregisterAsync("interview/1", "activation-2", Ct);
        Assert.Null(await storage.LookupAsync("interview/1", Ct));
    }

    [Fact]
    public async Task AnEntryOnADeadSiloIsTakenOver()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);
        await storage.UpsertSiloAsync(ActiveSilo("silo-b"), Ct);
        await storage.RegisterAsync(Entry("interview/1", "silo-a"), Ct);
        await storage.SetSiloStatusAsync("silo-a", SiloStatus.Dead, Ct);

        var takeover = Entry("interview/1", "silo-b");
        Assert.Equal(takeover, await storage.RegisterAsync(takeover, Ct));
        Assert.Equal(takeover, await storage.LookupAsync("interview/1", Ct));
    }

    [Fact]
    public async Task AnEntryOnASiloWithoutMembershipIsTakenOver()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-b"), Ct);
        await storage.RegisterAsync(Entry("interview/1", "vanished-silo"), Ct);

        var takeover = Entry("interview/1", "silo-b");
        Assert.Equal(takeover, await storage.RegisterAsync(takeover, Ct));
        Assert.Equal(takeover, await storage.LookupAsync("interview/1", Ct));
    }

    [Fact]
    public async Task SixteenRacingRegistrationsAgreeOnOneWinner()
    {
        var storage = await NewStorageAsync();
        for (var i = 0; i < 16; i++)
        {
            await storage.UpsertSiloAsync(ActiveSilo($"silo-{i}"), Ct);
        }

        var results = await RaceAsync(16, (contender, i) => contender.RegisterAsync(Entry("interview/contested", $"silo-{i}"), Ct));

        var winner = Assert.Single(results.Distinct());
        Assert.Equal(winner, await storage.LookupAsync("interview/contested", Ct));
    }

    [Fact]
    public async Task SixteenRacingTakeoversOfADeadSilosGrainAgreeOnOneWinner()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("crashed", heartbeatMs: 1_000), Ct);
        for (var i = 0; i < 16; i++)
        {
            await storage.UpsertSiloAsync(ActiveSilo($"silo-{i}", heartbeatMs: 9_000), Ct);
        }

        await storage.RegisterAsync(Entry("interview/contested", "crashed"), Ct);
        await storage.SetSiloStatusAsync("crashed", SiloStatus.Dead, Ct);

        var results = await RaceAsync(16, (contender, i) => contender.RegisterAsync(Entry("interview/contested", $"silo-{i}"), Ct));

        var winner = Assert.Single(results.Distinct());
        Assert.NotEqual("crashed", winner.SiloId);
        Assert.Equal(winner, await storage.LookupAsync("interview/contested", Ct));
    }

    [Fact]
    public async Task InvalidDirectoryInputIsRejected()
    {
        var storage = await NewStorageAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.RegisterAsync(Entry("", "silo-a"), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.LookupAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.UnregisterAsync("interview/1", "", Ct));
    }
}
