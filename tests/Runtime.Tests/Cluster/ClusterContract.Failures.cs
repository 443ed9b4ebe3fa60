using SyncHire.Runtime.Connections;
using SyncHire.Runtime.Storage;
using SyncHire.Runtime.Tests.TestGrains;
using Xunit;

namespace SyncHire.Runtime.Tests.Cluster;

public abstract partial class ClusterContract
{
    [Fact]
    public async Task A_killed_silo_is_declared_dead_and_its_grains_reactivate_elsewhere_with_their_state()
    {
        var cluster = await StartClusterAsync(2);
        var key = NewKey();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();
        var victim = cluster.FindHost(CounterId(key))!;
        var survivor = cluster.Silos.Single(s => s != victim);

        await cluster.KillSiloAsync(victim);

        // The next call waits out death detection, then the grain activates on the survivor.
        Assert.Equal(2, await counter.Increment());
        Assert.True(survivor.Hosts(CounterId(key)));
        var silos = await cluster.Storage.ReadSilosAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, silos.Single(s => s.SiloId == victim.SiloId).Status);
    }

    [Fact]
    public async Task Death_is_declared_within_the_configured_timeout()
    {
        var cluster = await StartClusterAsync(2);
        var victim = cluster.Silos[0];
        var killedAt = DateTime.UtcNow;

        await cluster.KillSiloAsync(victim);
        await Eventually.Becomes(
            () => cluster.Storage.ReadSilosAsync(CancellationToken.None),
            silos => silos.Single(s => s.SiloId == victim.SiloId).Status == SiloStatus.Dead,
            TimeSpan.FromSeconds(10),
            "the killed silo to be declared dead");

        // DeathTimeout 2 s + one 200 ms heartbeat round, with slack for a loaded CI machine.
        Assert.InRange(DateTime.UtcNow - killedAt, TimeSpan.Zero, TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task A_reminder_fires_on_a_live_silo_after_the_silo_that_registered_it_died()
    {
        var cluster = await StartClusterAsync(2);
        var key = NewKey();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();
        var victim = cluster.FindHost(CounterId(key))!;
        var survivor = cluster.Silos.Single(s => s != victim);

        await counter.ScheduleReminder("hard-cap", dueMs: 1500, periodMs: 0);
        await cluster.KillSiloAsync(victim);

        var firedOn = await GrainSignals.Reminder(key).Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(survivor.SiloId, firedOn);
        Assert.Equal([$"hard-cap@{survivor.SiloId}"], await counter.RemindersReceived());
        // A one-shot reminder is gone once delivered.
        await Eventually.Becomes(
            () => cluster.Storage.ReadRemindersAsync(CounterId(key).ToString(), CancellationToken.None),
            reminders => reminders.Count == 0,
            TimeSpan.FromSeconds(10),
            "the delivered one-shot reminder to be deleted");
    }

    [Fact]
    public async Task A_connection_to_a_grain_on_another_silo_carries_frames_both_ways_and_the_grains_close()
    {
        var cluster = await StartClusterAsync(1);
        await using var connection = await cluster.Connector.ConnectAsync<IEchoGrain>(NewKey());

        Assert.True(connection.TrySend(ConnectionFrame.Binary(new byte[] { 1, 2, 3, 4 })));
        Assert.True(connection.TrySend(ConnectionFrame.Text("""{"type":"ping"}"""u8.ToArray())));
        Assert.True(connection.TrySend(ConnectionFrame.Text("close:4000"u8.ToArray())));
        var received = new List<ConnectionFrame>();
        await foreach (var frame in connection.ReadAllAsync().WithCancellation(TestContext.Current.CancellationToken))
        {
            received.Add(frame);
        }

        Assert.Equal([FrameKind.Binary, FrameKind.Text], received.Select(f => f.Kind));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, received[0].Payload.ToArray());
        var close = await connection.Closed.WaitAsync(Wait);
        Assert.Equal(4000, close.Code);
    }

    [Fact]
    public async Task A_connection_is_reported_lost_when_its_silo_is_killed()
    {
        var cluster = await StartClusterAsync(2);
        var key = NewKey();
        var connection = await cluster.Connector.ConnectAsync<IEchoGrain>(key);
        var host = cluster.FindHost(new GrainId("EchoGrain", key))!;
        var reading = DrainAsync(connection);

        await cluster.KillSiloAsync(host);
        await reading;

        var close = await connection.Closed.WaitAsync(Wait);
        Assert.Equal(ConnectionClose.Lost("").Code, close.Code);
        // Reconnecting reaches a new activation on the survivor.
        await using var again = await cluster.Connector.ConnectAsync<IEchoGrain>(key);
        Assert.True(again.TrySend(ConnectionFrame.Text("hello"u8.ToArray())));
        await using var frames = again.ReadAllAsync().GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await frames.MoveNextAsync());
        Assert.Equal("hello"u8.ToArray(), frames.Current.Payload.ToArray());
    }

    [Fact]
    public async Task Graceful_shutdown_tells_connected_callers_to_reconnect()
    {
        var cluster = await StartClusterAsync(1);
        var connection = await cluster.Connector.ConnectAsync<IEchoGrain>(NewKey());
        var reading = DrainAsync(connection);

        await cluster.StopSiloAsync(cluster.Silos[0]);
        await reading;

        var close = await connection.Closed.WaitAsync(Wait);
        Assert.Equal(1012, close.Code);
    }

    /// <summary>Reads a connection to its end, as the gateway does: a close is only seen by a reader.</summary>
    private static async Task DrainAsync(IGrainConnection connection)
    {
        await foreach (var _ in connection.ReadAllAsync())
        {
        }
    }
}
