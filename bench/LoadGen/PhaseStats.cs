using System.Collections.Concurrent;

namespace SyncHire.Bench.LoadGen;

/// <summary>What the simulated candidates counted; the window counters restart when measuring begins.</summary>
public sealed class PhaseStats
{
    private long _framesSent;
    private long _framesSkipped;
    private long _audioFrames;
    private long _reconnectNotices;
    private long _connected;
    private long _failed;

    /// <summary>Frames stamped by the emulator that arrived here: latency out.</summary>
    public LatencyHistogram Out { get; } = new();

    /// <summary>Interview start: POST (or connect) → first interviewer audio byte.</summary>
    public LatencyHistogram Start { get; } = new();

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long FramesSent => Interlocked.Read(ref _framesSent);
    public long FramesSkipped => Interlocked.Read(ref _framesSkipped);
    public long AudioFrames => Interlocked.Read(ref _audioFrames);
    public long ReconnectNotices => Interlocked.Read(ref _reconnectNotices);
    public long Connected => Interlocked.Read(ref _connected);
    public long Failed => Interlocked.Read(ref _failed);
    public long ErrorCount => Errors.Values.Sum();

    public void FrameSent() => Interlocked.Increment(ref _framesSent);
    public void FrameSkipped() => Interlocked.Increment(ref _framesSkipped);
    public void AudioFrame() => Interlocked.Increment(ref _audioFrames);
    public void ReconnectNotice() => Interlocked.Increment(ref _reconnectNotices);
    public void SessionConnected() => Interlocked.Increment(ref _connected);
    public void SessionFailed() => Interlocked.Increment(ref _failed);
    public void Error(string kind) => Errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>Starts the measurement window: per-frame counters and latency restart, session counts stay.</summary>
    public void ResetWindow()
    {
        Interlocked.Exchange(ref _framesSent, 0);
        Interlocked.Exchange(ref _framesSkipped, 0);
        Interlocked.Exchange(ref _audioFrames, 0);
        Out.Reset();
        Errors.Clear();
    }
}
