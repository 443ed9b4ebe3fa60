using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Activation;
using SyncHire.Runtime.Reminders;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Hosting;

/// <summary>The grain-hosting side of this process: its identity, catalog and the services activations use.</summary>
internal sealed class SiloRuntime
{
    private volatile bool _stopping;
    private volatile bool _killed;

    public SiloRuntime(
        IServiceProvider services,
        GrainTypeRegistry types,
        IClusterStorage storage,
        JsonSerializerOptions json,
        TimeProvider time,
        ILogger<SiloRuntime> logger)
    {
        Services = services;
        Types = types;
        Storage = storage;
        Time = time;
        Logger = logger;
        StateStore = new GrainStateStore(storage, json);
        Catalog = new Catalog(this);
        Reminders = new ReminderRegistry(storage, time);
        SiloId = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string SiloId { get; }

    /// <summary>The base URL other processes call this silo at; known once Kestrel has bound.</summary>
    public string Address { get; set; } = "";

    public IServiceProvider Services { get; }

    public GrainTypeRegistry Types { get; }

    public IClusterStorage Storage { get; }

    public GrainStateStore StateStore { get; }

    public Catalog Catalog { get; }

    public ReminderRegistry Reminders { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public IGrainFactory GrainFactory => (IGrainFactory)Services.GetService(typeof(IGrainFactory))!;

    /// <summary>True once shutdown began: new activations are refused so callers go to another silo.</summary>
    public bool IsStopping => _stopping;

    /// <summary>True when the silo was killed (test harness) or declared dead: nothing more may run here.</summary>
    public bool IsKilled => _killed;

    public void BeginStopping() => _stopping = true;

    public void MarkKilled()
    {
        _killed = true;
        _stopping = true;
    }

    public void ThrowIfStopping()
    {
        if (_stopping)
        {
            throw new SiloStoppingException();
        }
    }
}

/// <summary>This silo is shutting down and takes no new activations; the caller retries elsewhere.</summary>
internal sealed class SiloStoppingException() : Exception("The silo is shutting down.");
