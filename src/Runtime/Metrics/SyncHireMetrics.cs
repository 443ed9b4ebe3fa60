using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SyncHire.Runtime.Metrics;

/// <summary>
/// The instruments every SyncHire process records, on one <see cref="Meter"/>. Names are already in Prometheus form
/// (the exposition only appends <c>_total</c> to counters), so a dashboard query reads the same as the code.
/// Recording is a lock-free add when nobody listens and a few atomic adds when <c>/metrics</c> is mapped.
/// </summary>
public static class SyncHireMetrics
{
    public const string MeterName = "SyncHire";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Interviews on this silo with a live provider session (the unit of load a silo carries).</summary>
    public static readonly UpDownCounter<long> ActiveInterviews =
        Meter.CreateUpDownCounter<long>("synchire_active_interviews", description: "Interviews with a live provider session on this silo.");

    /// <summary>Candidate messages relayed, by direction: <c>in</c> (candidate → interview) and <c>out</c>.</summary>
    public static readonly Counter<long> CandidateFrames =
        Meter.CreateCounter<long>("synchire_candidate_frames", description: "Candidate WebSocket messages relayed, by direction.");

    /// <summary>From the provider starting a response to its first audio byte.</summary>
    public static readonly Histogram<double> ProviderFirstAudio =
        Meter.CreateHistogram<double>("synchire_provider_first_audio_seconds", "s", "Provider response start to first audio byte.");

    public static readonly Counter<long> ProviderReconnects =
        Meter.CreateCounter<long>("synchire_provider_reconnects", description: "Provider sessions lost and reconnected (or failed over).");

    /// <summary>Failures a user notices, by kind (e.g. <c>candidate_too_slow</c>, <c>interview_too_slow</c>).</summary>
    public static readonly Counter<long> Errors =
        Meter.CreateCounter<long>("synchire_errors", description: "Errors by kind.");

    /// <summary>From the first call for a grain to its activation being ready (directory + state read + OnActivate).</summary>
    public static readonly Histogram<double> GrainActivation =
        Meter.CreateHistogram<double>("synchire_grain_activation_seconds", "s", "Time to activate a grain.");

    /// <summary>Live silos that host grains, as this process's membership view sees them (where it places new grains).</summary>
    public static readonly ObservableGauge<int> ClusterSilos =
        Meter.CreateObservableGauge("synchire_cluster_silos_active", () => Volatile.Read(ref _activeSilos),
            description: "Live grain-hosting silos in this process's membership view.");

    private static int _activeSilos;

    /// <summary>Called by the membership view after each refresh.</summary>
    public static void ActiveSilosSeen(int count) => Volatile.Write(ref _activeSilos, count);

    private static readonly KeyValuePair<string, object?> In = new("direction", "in");
    private static readonly KeyValuePair<string, object?> Out = new("direction", "out");

    public static void FrameIn() => CandidateFrames.Add(1, In);

    public static void FrameOut() => CandidateFrames.Add(1, Out);

    public static void Error(string kind) => Errors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static void ActivationSince(long startTimestamp) =>
        GrainActivation.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
}
