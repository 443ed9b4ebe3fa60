using SyncHire.Runtime.Storage;
using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public abstract partial class ClusterStorageContract
{
    [Fact]
    public async Task UpsertedSilosAreReadBackWithEveryField()
    {
        var storage = await NewStorageAsync();
        var gateway = new SiloRecord("gateway-1", "http://10.0.0.9:8080", SiloStatus.Active, 100, 200, HostsGrains: false);
        await storage.UpsertSiloAsync(gateway, Ct);
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);

        var moved = gateway with { Address = "http://10.0.0.10:8080", LastHeartbeatMs = 300 };
        await storage.UpsertSiloAsync(moved, Ct);

        Assert.Equal([moved, ActiveSilo("silo-a")], await storage.ReadSilosAsync(Ct));
    }

    [Fact]
    public async Task HeartbeatRecordsTheTimeOfAnActiveSilo()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a", heartbeatMs: 1_000), Ct);

        Assert.True(await storage.HeartbeatAsync("silo-a", 5_000, Ct));

        Assert.Equal(5_000, Assert.Single(await storage.ReadSilosAsync(Ct)).LastHeartbeatMs);
        Assert.False(await storage.HeartbeatAsync("never-registered", 5_000, Ct));
    }

    [Fact]
    public async Task StaleSilosAreDeclaredDeadOnceAndLoseTheirGrains()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("stale", heartbeatMs: 1_000), Ct);
        await storage.UpsertSiloAsync(ActiveSilo("fresh", heartbeatMs: 9_000), Ct);
        await storage.UpsertSiloAsync(ActiveSilo("draining", heartbeatMs: 1_000) with { Status = SiloStatus.ShuttingDown }, Ct);
        await storage.RegisterAsync(Entry("interview/on-stale", "stale"), Ct);
        await storage.RegisterAsync(Entry("interview/on-fresh", "fresh"), Ct);

        Assert.Equal(["stale"], await storage.DeclareStaleSilosDeadAsync(staleBeforeMs: 5_000, Ct));

        var silos = (await storage.ReadSilosAsync(Ct)).ToDictionary(s => s.SiloId, s => s.Status);
        Assert.Equal(SiloStatus.Dead, silos["stale"]);
        Assert.Equal(SiloStatus.Active, silos["fresh"]);
        Assert.Equal(SiloStatus.ShuttingDown, silos["draining"]);
        Assert.Null(await storage.LookupAsync("interview/on-stale", Ct));
        Assert.Equal("fresh", (await storage.LookupAsync("interview/on-fresh", Ct))?.SiloId);
        Assert.Empty(await storage.DeclareStaleSilosDeadAsync(staleBeforeMs: 5_000, Ct));
    }

    [Fact]
    public async Task ASiloDeclaredDeadIsToldToStopByItsNextHeartbeat()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("paused", heartbeatMs: 1_000), Ct);
        await storage.DeclareStaleSilosDeadAsync(staleBeforeMs: 2_000, Ct);

        Assert.False(await storage.HeartbeatAsync("paused", 3_000, Ct));

        var silo = Assert.Single(await storage.ReadSilosAsync(Ct));
        Assert.Equal(SiloStatus.Dead, silo.Status);
        Assert.Equal(1_000, silo.LastHeartbeatMs);
    }

    [Fact]
    public async Task StatusChangesAreStoredButDeadIsFinal()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertSiloAsync(ActiveSilo("silo-a"), Ct);

        await storage.SetSiloStatusAsync("silo-a", SiloStatus.ShuttingDown, Ct);
        Assert.Equal(SiloStatus.ShuttingDown, Assert.Single(await storage.ReadSilosAsync(Ct)).Status);
        Assert.False(await storage.HeartbeatAsync("silo-a", 2_000, Ct));

        await storage.SetSiloStatusAsync("silo-a", SiloStatus.Dead, Ct);
        await storage.SetSiloStatusAsync("silo-a", SiloStatus.Active, Ct);
        Assert.Equal(SiloStatus.Dead, Assert.Single(await storage.ReadSilosAsync(Ct)).Status);
    }

    [Fact]
    public async Task InvalidSiloInputIsRejectedWithoutWriting()
    {
        var storage = await NewStorageAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.UpsertSiloAsync(ActiveSilo(""), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => storage.UpsertSiloAsync(ActiveSilo("silo-a") with { Status = (SiloStatus)42 }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.HeartbeatAsync(" ", 1, Ct));

        Assert.Empty(await storage.ReadSilosAsync(Ct));
    }
}
