using Microsoft.Extensions.Configuration;
using SyncHire.Grains;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Testing;

namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>
/// A cluster as it runs in production, in one test process: silos hosting interviews (a <see cref="TestCluster"/>)
/// and the real gateway app in the Gateway role in front of them, sharing one database and cluster secret.
/// </summary>
public sealed class SiloClusterWithGateway : IAsyncDisposable
{
    private SiloClusterWithGateway(TestCluster cluster, GatewayTestHost gateway)
    {
        Cluster = cluster;
        Gateway = gateway;
    }

    public TestCluster Cluster { get; }

    public GatewayTestHost Gateway { get; }

    /// <param name="gatewaySettings">Further gateway settings, as command-line overrides.</param>
    public static async Task<SiloClusterWithGateway> StartAsync(int silos, IReadOnlyDictionary<string, string?>? gatewaySettings = null)
    {
        var interviews = new ConfigurationBuilder().Build();
        var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            SiloCount = silos,
            ConfigureSilo = services => services.AddInterviewGrains(interviews),
        });
        try
        {
            var options = cluster.CreateClusterOptions(ClusterRole.Gateway);
            var settings = new Dictionary<string, string?>
            {
                ["Cluster:Role"] = "Gateway",
                ["Cluster:Storage"] = options.Storage,
                ["Cluster:ConnectionString"] = options.ConnectionString,
                ["Cluster:Secret"] = options.Secret,
                ["Cluster:HeartbeatInterval"] = options.HeartbeatInterval.ToString(),
                // Gateways of one cluster share the key that signs candidate tokens.
                ["Gateway:TokenSigningKey"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray()),
            };
            foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return new SiloClusterWithGateway(cluster, await GatewayTestHost.StartAsync(settings));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
