using Microsoft.Extensions.DependencyInjection;
using SyncHire.Runtime.Hosting;

namespace SyncHire.Runtime.Testing;

public sealed class TestClusterOptions
{
    public int SiloCount { get; set; } = 2;

    /// <summary>"sqlite" or "postgres".</summary>
    public string Storage { get; set; } = "sqlite";

    /// <summary>Connection string of an isolated database; for SQLite, null creates a temporary file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Registers grains and their services on every silo.</summary>
    public Action<IServiceCollection>? ConfigureSilo { get; set; }

    /// <summary>Tunes runtime timings; by default the cluster detects death fast so tests stay short.</summary>
    public Action<ClusterOptions>? ConfigureCluster { get; set; }

    /// <summary>Extra configuration keys for every silo (e.g. "Interviews:IdleTimeout").</summary>
    public Dictionary<string, string?> Configuration { get; } = [];

    /// <summary>The clock every silo and the client use; tests pass a manual one to move time.</summary>
    public TimeProvider? Time { get; set; }
}
