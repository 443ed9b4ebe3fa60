using Microsoft.Extensions.DependencyInjection;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Testing;
using SyncHire.Runtime.Tests.Storage;
using SyncHire.Runtime.Tests.TestGrains;
using Xunit;

namespace SyncHire.Runtime.Tests.Cluster;

/// <summary>
/// The runtime's guarantees, checked on real silos (Kestrel on loopback) over a real database. Run once against
/// SQLite and once against PostgreSQL by the subclasses.
/// </summary>
public abstract partial class ClusterContract : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private ITestDatabase _database = null!;
    private readonly List<TestCluster> _clusters = [];

    protected abstract Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken);

    public async ValueTask InitializeAsync() => _database = await CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private async Task<TestCluster> StartClusterAsync(int silos, Action<ClusterOptions>? tune = null)
    {
        var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            SiloCount = silos,
            Storage = _database.Provider,
            ConnectionString = _database.ConnectionString,
            ConfigureCluster = tune,
            ConfigureSilo = services => services
                .AddGrain<ICounterGrain, CounterGrain>()
                .AddGrain<IEchoGrain, EchoGrain>(),
        });
        _clusters.Add(cluster);
        return cluster;
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static GrainId CounterId(string key) => new("CounterGrain", key);

    [Fact]
    public async Task A_grain_activates_on_first_call_and_keeps_its_state_between_calls()
    {
        var cluster = await StartClusterAsync(1);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(NewKey());

        Assert.Equal(1, await counter.Increment());
        Assert.Equal(2, await counter.Increment());
        Assert.Equal(2, await counter.Get());
    }

    [Fact]
    public async Task Two_silos_racing_to_activate_the_same_grain_end_with_one_activation_that_both_reach()
    {
        var cluster = await StartClusterAsync(2);
        var factoryA = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
        var factoryB = cluster.Silos[1].Services.GetRequiredService<IGrainFactory>();

        for (var round = 0; round < 10; round++)
        {
            var key = NewKey();
            // Each silo places new grains on itself, so both try to activate at the same moment.
            var calls = Enumerable.Range(0, 8)
                .Select(i => (i % 2 == 0 ? factoryA : factoryB).GetGrain<ICounterGrain>(key).WhoAmI())
                .ToArray();
            var answers = await Task.WhenAll(calls);

            Assert.Single(answers.Select(a => a.ActivationId).Distinct());
            Assert.Single(cluster.Silos, s => s.Hosts(CounterId(key)));
            var entry = await cluster.Storage.LookupAsync(CounterId(key).ToString(), CancellationToken.None);
            Assert.Equal(answers[0].SiloId, entry!.SiloId);
        }
    }

    [Fact]
    public async Task Null_and_record_results_cross_processes_intact()
    {
        var cluster = await StartClusterAsync(1);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(NewKey());

        Assert.Null(await counter.StoredOrNull());
        await counter.Increment();
        Assert.Equal(1, (await counter.StoredOrNull())!.Value);
    }

    [Fact]
    public async Task Calls_to_one_activation_run_one_at_a_time()
    {
        var cluster = await StartClusterAsync(1);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(NewKey());

        var overlaps = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => counter.MeasureOverlap()));

        Assert.All(overlaps, max => Assert.Equal(1, max));
    }

    [Fact]
    public async Task An_interleaving_method_runs_while_another_call_holds_the_turn()
    {
        var cluster = await StartClusterAsync(1);
        var key = NewKey();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Get();

        var holding = counter.HoldTurnUntilReleased();
        var queued = counter.Get();
        var interleaved = await counter.WhoAmI();

        Assert.NotNull(interleaved);
        Assert.False(holding.IsCompleted);
        Assert.False(queued.IsCompleted, "a turn-based call must wait for the turn held by the first call");
        GrainSignals.Gate(key).SetResult();
        await holding;
        Assert.Equal(0, await queued);
    }

    [Fact]
    public async Task Grain_exceptions_reach_the_caller_with_their_type_and_message()
    {
        var cluster = await StartClusterAsync(1);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(NewKey());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.Fail("no such question"));

        Assert.Equal("no such question", error.Message);
        Assert.Equal(0, await counter.Get());
    }

    [Fact]
    public async Task Timer_ticks_run_as_turns_of_the_activation()
    {
        var cluster = await StartClusterAsync(1);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(NewKey());

        await counter.StartTimer(periodMs: 20);
        await Eventually.Becomes(counter.TimerTicks, ticks => ticks >= 5, Wait, "five timer ticks");
        var overlaps = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => counter.MeasureOverlap()));

        Assert.All(overlaps, max => Assert.Equal(1, max));
    }

    [Fact]
    public async Task An_idle_activation_is_deactivated_and_reactivates_with_its_state()
    {
        var cluster = await StartClusterAsync(1, o => o.CollectionAge = TimeSpan.FromMilliseconds(300));
        var key = NewKey();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();
        var first = await counter.WhoAmI();

        var reason = await GrainSignals.Deactivation(key).Task.WaitAsync(Wait);

        Assert.Equal(DeactivationReason.Idle, reason);
        Assert.Equal(2, await counter.Increment());
        Assert.NotEqual(first.ActivationId, (await counter.WhoAmI()).ActivationId);
    }

    [Fact]
    public async Task Graceful_shutdown_deactivates_every_grain_and_they_resume_on_another_silo()
    {
        var cluster = await StartClusterAsync(1);
        var keys = Enumerable.Range(0, 5).Select(_ => NewKey()).ToList();
        foreach (var key in keys)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Increment();
        }

        var second = await cluster.AddSiloAsync();
        await cluster.StopSiloAsync(cluster.Silos[0]);

        foreach (var key in keys)
        {
            Assert.Equal(DeactivationReason.SiloShutdown, await GrainSignals.Deactivation(key).Task.WaitAsync(Wait));
            Assert.Null(await cluster.Storage.LookupAsync(CounterId(key).ToString(), CancellationToken.None));
            Assert.Equal(2, await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Increment());
            Assert.True(second.Hosts(CounterId(key)));
        }
    }

    [Fact]
    public async Task A_write_from_a_stale_activation_fails_and_is_never_applied()
    {
        var cluster = await StartClusterAsync(1);
        var key = NewKey();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();

        // Another activation (after a partition, say) wrote since this one read: simulate it in the table.
        var grainId = CounterId(key).ToString();
        var stored = await cluster.Storage.ReadStateAsync(grainId, CancellationToken.None);
        var newer = """{"value":41,"reminders":[]}""";
        await cluster.Storage.WriteStateAsync(grainId, newer, stored.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(counter.Increment);

        Assert.Equal(newer, (await cluster.Storage.ReadStateAsync(grainId, CancellationToken.None)).Json);
        // The stale activation stepped down; the next call reads the newer state.
        Assert.Equal(42, await counter.Increment());
    }
}
