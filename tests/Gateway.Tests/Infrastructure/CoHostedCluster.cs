namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>
/// A cluster as it runs in production, in one test process: several SyncHire processes (each a gateway co-hosted
/// with an Orleans silo) over one database, the first the others join. They share the key that signs candidate
/// tokens, so any of them accepts a token another issued.
/// </summary>
public sealed class CoHostedCluster : IAsyncDisposable
{
    private readonly List<GatewayTestHost> _hosts;
    private readonly Dictionary<string, string?> _settings;

    private readonly string _databasePath;

    private CoHostedCluster(List<GatewayTestHost> hosts, Dictionary<string, string?> settings, string databasePath)
    {
        _hosts = hosts;
        _settings = settings;
        _databasePath = databasePath;
    }

    /// <summary>The processes still running, in start order.</summary>
    public IReadOnlyList<GatewayTestHost> Hosts => _hosts;

    /// <param name="settings">Further settings for every process, as command-line overrides.</param>
    public static async Task<CoHostedCluster> StartAsync(int processes, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = Path.Combine(Path.GetTempPath(), $"synchire-cluster-test-{Guid.NewGuid():N}.db");
        var primaryPort = GatewayTestHost.FreePort();
        var shared = new Dictionary<string, string?>
        {
            ["Cluster:ConnectionString"] = $"Data Source={database}",
            ["Cluster:PrimarySiloPort"] = primaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:TokenSigningKey"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray()),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            shared[key] = value;
        }

        var cluster = new CoHostedCluster([], shared, database);
        try
        {
            cluster._hosts.Add(await GatewayTestHost.StartAsync(new Dictionary<string, string?>(shared) { ["Cluster:SiloPort"] = primaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            for (var i = 1; i < processes; i++)
            {
                await cluster.AddAsync();
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more process that joins the cluster.</summary>
    public async Task<GatewayTestHost> AddAsync()
    {
        var host = await GatewayTestHost.StartAsync(_settings);
        _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// Kills a process (no shutdown code runs); the others detect its silo's death. Not the first: with embedded
    /// clustering it holds the membership the others joined.
    /// </summary>
    public async Task KillAsync(GatewayTestHost host)
    {
        if (host == _hosts[0])
        {
            throw new ArgumentException("The first process holds the embedded cluster's membership; kill another.", nameof(host));
        }

        _hosts.Remove(host);
        await host.KillAsync();
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }

        GatewayTestHost.DeleteDatabase(_databasePath);
    }
}
