using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Connections;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Testing;

/// <summary>
/// Like Orleans' TestingHost: N silos, each a real Kestrel host on a loopback port, plus a client with the
/// gateway role, all in this process and sharing one database. Silos can be stopped gracefully, killed
/// (no shutdown code runs, sockets are cut, heartbeats stop), or added.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly List<TestSilo> _silos = [];
    private IHost _client = null!;

    private TestCluster(TestClusterOptions options)
    {
        _options = options;
        if (options.ConnectionString is { } given)
        {
            _connectionString = given;
        }
        else if (options.Storage == "sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"synchire-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
        else
        {
            throw new ArgumentException("A PostgreSQL test cluster needs a ConnectionString.", nameof(options));
        }
    }

    public IReadOnlyList<TestSilo> Silos => _silos;

    public IServiceProvider ClientServices => _client.Services;

    public IGrainFactory GrainFactory => _client.Services.GetRequiredService<IGrainFactory>();

    public IGrainConnector Connector => _client.Services.GetRequiredService<IGrainConnector>();

    /// <summary>The shared database, for assertions on what was persisted.</summary>
    public IClusterStorage Storage => _client.Services.GetRequiredService<IClusterStorage>();

    public string ConnectionString => _connectionString;

    public static async Task<TestCluster> StartAsync(TestClusterOptions? options = null)
    {
        var cluster = new TestCluster(options ?? new TestClusterOptions());
        try
        {
            cluster._client = await cluster.StartClientAsync();
            for (var i = 0; i < cluster._options.SiloCount; i++)
            {
                await cluster.AddSiloAsync();
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>The cluster options every process gets: short heartbeats so death is detected in about two seconds.</summary>
    public ClusterOptions CreateClusterOptions(ClusterRole role)
    {
        var options = new ClusterOptions
        {
            Role = role,
            Storage = _options.Storage,
            ConnectionString = _connectionString,
            Secret = "test-cluster-secret",
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            // Ten missed heartbeats: a member starved of CPU for a second (a loaded 2-core CI machine running several
            // test assemblies and a browser) must not be declared dead mid-test, which stops it.
            DeathTimeout = TimeSpan.FromSeconds(2),
            ReminderPollInterval = TimeSpan.FromMilliseconds(100),
            ReminderLease = TimeSpan.FromSeconds(5),
            CallTimeout = TimeSpan.FromSeconds(20),
        };
        _options.ConfigureCluster?.Invoke(options);
        options.Role = role;
        return options;
    }

    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        ConfigureCommon(builder.Services, builder.Configuration, builder.Logging);
        builder.Services.AddGrainRuntime(CreateClusterOptions(ClusterRole.Gateway));
        _options.ConfigureSilo?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async Task<TestSilo> AddSiloAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ConfigureCommon(builder.Services, builder.Configuration, builder.Logging);
        builder.Services.AddGrainRuntime(CreateClusterOptions(ClusterRole.Silo));
        _options.ConfigureSilo?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrainRuntime();
        await app.StartAsync();
        var silo = new TestSilo(app, app.Services.GetRequiredService<SiloRuntime>());
        _silos.Add(silo);
        return silo;
    }

    private void ConfigureCommon(IServiceCollection services, IConfigurationManager configuration, ILoggingBuilder logging)
    {
        configuration.AddInMemoryCollection(_options.Configuration);
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        if (_options.Time is { } time)
        {
            services.AddSingleton(time);
        }
    }

    /// <summary>Graceful shutdown: grains deactivate (state written, connections told to reconnect), the silo leaves.</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        if (!silo.IsRunning)
        {
            return;
        }

        silo.IsRunning = false;
        await silo.App.StopAsync();
        await silo.App.DisposeAsync();
    }

    /// <summary>
    /// Like kill -9: heartbeats stop, no grain code runs, every socket is cut. The cluster declares the silo dead
    /// after DeathTimeout; its grains then activate elsewhere on their next call.
    /// </summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        if (!silo.IsRunning)
        {
            return;
        }

        silo.IsRunning = false;
        silo.Runtime.MarkKilled();
        await silo.Runtime.Catalog.DeactivateAllAsync(DeactivationReason.Stale, graceful: false);
        await silo.App.StopAsync(new CancellationToken(canceled: true));
        await silo.App.DisposeAsync();
    }

    /// <summary>The running silo that holds an activation of the grain, if any.</summary>
    public TestSilo? FindHost(GrainId grainId) => _silos.FirstOrDefault(s => s.IsRunning && s.Hosts(grainId));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(s => s.IsRunning).ToList())
        {
            try
            {
                await StopSiloAsync(silo);
            }
            catch (Exception)
            {
                // Best effort: a test that failed may leave a silo half-stopped.
            }
        }

        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
