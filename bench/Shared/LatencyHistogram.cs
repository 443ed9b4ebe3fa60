namespace SyncHire.Bench;

/// <summary>
/// Lock-free latency histogram in microseconds: 10 µs buckets up to 100 ms, 1 ms buckets up to 10 s, one overflow
/// bucket. Precise enough to read p99 against a 20 ms bound, cheap enough to record every frame.
/// </summary>
public sealed class LatencyHistogram
{
    private const int FineBuckets = 10_000;          // 0 .. 100 ms in 10 µs
    private const int CoarseBuckets = 9_900;         // 100 ms .. 10 s in 1 ms
    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets + 1];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(long micros)
    {
        var index = micros < 100_000 ? (int)(Math.Max(0, micros) / 10)
            : micros < 10_000_000 ? FineBuckets + (int)((micros - 100_000) / 1000)
            : _counts.Length - 1;
        Interlocked.Increment(ref _counts[index]);
        Interlocked.Increment(ref _total);
    }

    public void Add(long[] counts)
    {
        for (var i = 0; i < counts.Length && i < _counts.Length; i++)
        {
            Interlocked.Add(ref _counts[i], counts[i]);
            Interlocked.Add(ref _total, counts[i]);
        }
    }

    public long[] Snapshot() => _counts.Select((_, i) => Interlocked.Read(ref _counts[i])).ToArray();

    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }

        Interlocked.Exchange(ref _total, 0);
    }

    /// <summary>The value (ms, upper edge of its bucket) below which <paramref name="percentile"/> % of samples fall.</summary>
    public double PercentileMs(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(total * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return i < FineBuckets ? (i + 1) * 0.01 : i < FineBuckets + CoarseBuckets ? 100 + (i - FineBuckets + 1) : double.PositiveInfinity;
            }
        }

        return double.PositiveInfinity;
    }
}
