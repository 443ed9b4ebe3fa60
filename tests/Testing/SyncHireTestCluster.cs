using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using SyncHire.Grains.Candidates;
using SyncHire.Platform.Hosting;
using SyncHire.OrleansStorage;

namespace SyncHire.Testing;

/// <summary>What a <see cref="SyncHireTestCluster"/> runs.</summary>
public sealed class SyncHireTestClusterOptions
{
    public int SiloCount { get; set; } = 1;

    /// <summary>
    /// The SQLite database every silo shares; null creates a temporary file owned by the cluster. (On PostgreSQL the
    /// storage would bring its own clustering; multi-process cluster tests run the real processes instead.)
    /// </summary>
    public ITestDatabase? Database { get; set; }

    /// <summary>Registers the grains' services on every silo (e.g. <c>services.AddInterviewGrains(configuration)</c>).</summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; set; }

    /// <summary>Configuration keys every silo sees (e.g. "Interviews:IdleTimeout").</summary>
    public Dictionary<string, string?> Configuration { get; } = [];

    /// <summary>The grains' clock on every silo (grain code and grain timers); tests pass a manual one to move time.</summary>
    public TimeProvider? Time { get; set; }
}

/// <summary>
/// Orleans' in-process test cluster (real silos, real messaging between them, membership with real failure
/// detection) hosting SyncHire's grains on a real database through SyncHire's own grain storage and reminders.
/// Silos can be stopped gracefully, killed or added.
/// </summary>
public sealed class SyncHireTestCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly ITestDatabase? _ownedDatabase;

    private SyncHireTestCluster(InProcessTestCluster cluster, ITestDatabase database, ITestDatabase? ownedDatabase)
    {
        _cluster = cluster;
        Database = database;
        _ownedDatabase = ownedDatabase;
    }

    public ITestDatabase Database { get; }

    public InProcessTestCluster Inner => _cluster;

    public IGrainFactory GrainFactory => _cluster.Client;

    public IReadOnlyList<InProcessSiloHandle> Silos => _cluster.Silos;

    /// <summary>Connects candidates through the first live silo, as a gateway co-hosted with it does.</summary>
    public CandidateConnector Connector => ConnectorOn(AnyLiveSilo);

    public CandidateConnector ConnectorOn(InProcessSiloHandle silo) => ServicesOf(silo).GetRequiredService<CandidateConnector>();

    public static IServiceProvider ServicesOf(InProcessSiloHandle silo) => silo.SiloHost.Services;

    public static async Task<SyncHireTestCluster> StartAsync(SyncHireTestClusterOptions? options = null)
    {
        options ??= new SyncHireTestClusterOptions();
        var owned = options.Database is null ? SqliteTestDatabase.Create() : null;
        var database = options.Database ?? owned!;
        var builder = new InProcessTestClusterBuilder((short)options.SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            // The deployment's database, as a host configures it (the test's own settings may override it).
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Storage)}"] = database.Provider,
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}"] = database.ConnectionString,
            });
            host.Configuration.AddInMemoryCollection(options.Configuration);
            if (options.Time is { } time)
            {
                // Grain timers and the grains' own clock only: membership, messaging and collection stay on real
                // time, or moving the clock would declare silos dead and time calls out.
                host.Services.AddKeyedSingleton(TimeProviderNames.Grains, time);
            }

            options.ConfigureServices?.Invoke(host.Services, host.Configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            // Storage and reminders on the test's database (SQLite adds no clustering: membership stays the test
            // cluster's own).
            silo.UseSyncHireDatabase(database.Options);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            // A killed silo is declared dead in a few seconds, so failover tests stay short; a loaded CI machine
            // must still not starve a live silo into a false death.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 3;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        });

        // The client finds silos started later (after others stopped) within a fraction of a second.
        builder.ConfigureClient(client => client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromMilliseconds(200)));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            throw;
        }

        return new SyncHireTestCluster(cluster, database, owned);
    }

    /// <summary>Starts one more silo; returns once the test's client can reach the cluster through it if need be.</summary>
    public async Task<InProcessSiloHandle> AddSiloAsync()
    {
        var silo = await _cluster.StartAdditionalSiloAsync();
        await WaitUntilClientConnectedAsync();
        return silo;
    }

    /// <summary>
    /// After the silos the client knew have stopped, its calls fail until its gateway list shows a live one: wait
    /// for a call to get through (a bounded wait on a condition, never a fixed sleep).
    /// </summary>
    private async Task WaitUntilClientConnectedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await _cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    public Task StopSiloAsync(InProcessSiloHandle silo) => _cluster.StopSiloAsync(silo);

    /// <summary>Stops the silo without any shutdown (as kill -9 would); the others detect its death.</summary>
    public Task KillSiloAsync(InProcessSiloHandle silo) => _cluster.KillSiloAsync(silo);

    /// <summary>The silo that hosts <paramref name="grain"/>'s activation right now, if any.</summary>
    public InProcessSiloHandle? FindHost(IAddressable grain)
    {
        return _cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? _cluster.Silos.FirstOrDefault(silo => silo.SiloAddress.Equals(context.Address.SiloAddress))
            : null;
    }

    /// <summary>What the cluster's grain storage holds for a grain's state (read as a fresh activation would).</summary>
    public Task<T?> ReadStateAsync<T>(GrainId grainId, string stateName) =>
        StoredGrainData.ReadStateAsync<T>(ServicesOf(AnyLiveSilo), grainId, stateName);

    /// <summary>The names of a grain's reminders as the cluster's reminder table holds them.</summary>
    public Task<IReadOnlyList<string>> ReadReminderNamesAsync(GrainId grainId) =>
        StoredGrainData.ReadReminderNamesAsync(ServicesOf(AnyLiveSilo), grainId);

    private InProcessSiloHandle AnyLiveSilo => _cluster.GetActiveSilos().First();

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        if (_ownedDatabase is not null)
        {
            await _ownedDatabase.DisposeAsync();
        }
    }
}
