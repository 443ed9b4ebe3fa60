using System.Diagnostics.Metrics;

namespace SyncHire.Grains.Metrics;

/// <summary>
/// The product's instruments, on one <see cref="Meter"/> that OpenTelemetry exports beside Orleans' own. Names are
/// already in Prometheus form (the exporter appends <c>_total</c> to counters), so a dashboard query reads the same
/// as the code. Recording is a lock-free add when nobody listens.
/// </summary>
public static class SyncHireMetrics
{
    public const string MeterName = "SyncHire";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Interviews on this silo with a live provider session (the unit of load a silo carries).</summary>
    public static readonly UpDownCounter<long> ActiveInterviews =
        Meter.CreateUpDownCounter<long>("synchire_active_interviews", description: "Interviews with a live provider session on this silo.");

    /// <summary>
    /// Candidate messages relayed, by direction: <c>in</c> (candidate → interview) and <c>out</c>. Observed at
    /// collection from two plain counts: a tagged add per 20 ms frame was a measurable share of the relay's
    /// per-frame cost.
    /// </summary>
    public static readonly ObservableCounter<long> CandidateFrames =
        Meter.CreateObservableCounter("synchire_candidate_frames", ObserveFrames, description: "Candidate WebSocket messages relayed, by direction.");

    private static long _framesIn;
    private static long _framesOut;

    /// <summary>From the provider starting a response to its first audio byte.</summary>
    public static readonly Histogram<double> ProviderFirstAudio =
        Meter.CreateHistogram<double>("synchire_provider_first_audio_seconds", "s", "Provider response start to first audio byte.");

    public static readonly Counter<long> ProviderReconnects =
        Meter.CreateCounter<long>("synchire_provider_reconnects", description: "Provider sessions lost and reconnected (or failed over).");

    /// <summary>Failures a user notices, by kind (e.g. <c>candidate_too_slow</c>, <c>interview_too_slow</c>).</summary>
    public static readonly Counter<long> Errors =
        Meter.CreateCounter<long>("synchire_errors", description: "Errors by kind.");

    public static void FrameIn() => Interlocked.Increment(ref _framesIn);

    public static void FrameOut() => Interlocked.Increment(ref _framesOut);

    private static IEnumerable<Measurement<long>> ObserveFrames() =>
    [
        new(Volatile.Read(ref _framesIn), new KeyValuePair<string, object?>("direction", "in")),
        new(Volatile.Read(ref _framesOut), new KeyValuePair<string, object?>("direction", "out")),
    ];

    /// <summary>
    /// Records zero on the counters that stay untouched until something goes wrong, so they are exported (as 0) from
    /// the first scrape: an alert on their rate then sees a series, not "no data".
    /// </summary>
    public static void StartSeries()
    {
        ProviderReconnects.Add(0);
        Errors.Add(0);
        ActiveInterviews.Add(0);
    }

    public static void Error(string kind) => Errors.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
