namespace SyncHire.Bench.EmulatorHost;

/// <summary>What the tap saw since the last reset.</summary>
public sealed class TapStats
{
    private long _appends;
    private long _deltas;
    private long _sessions;

    /// <summary>Input latency: the candidate's send stamp → the append's arrival here.</summary>
    public LatencyHistogram Input { get; } = new();

    public void SessionOpened() => Interlocked.Increment(ref _sessions);

    public void AppendSeen() => Interlocked.Increment(ref _appends);

    public void DeltaStamped() => Interlocked.Increment(ref _deltas);

    public void Reset()
    {
        Input.Reset();
        Interlocked.Exchange(ref _appends, 0);
        Interlocked.Exchange(ref _deltas, 0);
        Interlocked.Exchange(ref _sessions, 0);
    }

    public TapReport Read() => new(
        Interlocked.Read(ref _sessions), Interlocked.Read(ref _appends), Input.Count, Interlocked.Read(ref _deltas),
        Input.PercentileMs(50), Input.PercentileMs(95), Input.PercentileMs(99), Input.PercentileMs(100));
}

public sealed record TapReport(long Sessions, long Appends, long StampedAppends, long StampedDeltas, double P50Ms, double P95Ms, double P99Ms, double MaxMs);
