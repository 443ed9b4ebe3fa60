using Microsoft.AspNetCore.Builder;
using SyncHire.Runtime.Hosting;

namespace SyncHire.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>: a real Kestrel host on a loopback port.</summary>
public sealed class TestSilo
{
    internal TestSilo(WebApplication app, SiloRuntime runtime)
    {
        App = app;
        Runtime = runtime;
    }

    public WebApplication App { get; }

    internal SiloRuntime Runtime { get; }

    public string SiloId => Runtime.SiloId;

    public string Address => Runtime.Address;

    public IServiceProvider Services => App.Services;

    public bool IsRunning { get; internal set; } = true;

    /// <summary>How many grains are active on this silo right now.</summary>
    public int ActivationCount => Runtime.Catalog.Count;

    /// <summary>Whether this silo holds an activation of the grain.</summary>
    public bool Hosts(GrainId grainId) => Runtime.Catalog.TryGetActive(grainId, out _);

    public override string ToString() => $"{SiloId} at {Address}";
}
