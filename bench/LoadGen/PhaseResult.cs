namespace SyncHire.Bench.LoadGen;

/// <summary>One phase's figures (one target at one session count), as printed and as stored for the comparison.</summary>
public sealed record PhaseResult
{
    public required string Target { get; init; }
    public required int Sessions { get; init; }
    public required long Connected { get; init; }
    public required long AliveAtEnd { get; init; }
    public required double DurationSeconds { get; init; }
    public required double FramesInPerSecond { get; init; }
    public required double FramesOutPerSecond { get; init; }
    public required long FramesSent { get; init; }
    public required long FramesArrived { get; init; }
    public required long FramesSkipped { get; init; }
    public required double InP50Ms { get; init; }
    public required double InP95Ms { get; init; }
    public required double InP99Ms { get; init; }
    public required double OutP50Ms { get; init; }
    public required double OutP95Ms { get; init; }
    public required double OutP99Ms { get; init; }
    public required long OutSamples { get; init; }
    public required double StartP50Ms { get; init; }
    public required double StartP99Ms { get; init; }
    public required double ActivationMeanMs { get; init; }
    public required double ActivationP99BucketMs { get; init; }
    public required double ProviderFirstAudioMeanMs { get; init; }
    public required long Errors { get; init; }
    public required string ErrorKinds { get; init; }
    public required long ReconnectNotices { get; init; }

    /// <summary>CPU seconds per process over the window (gateway, silo, peer, emulator, loadgen).</summary>
    public required Dictionary<string, double> CpuSeconds { get; init; }
    public required Dictionary<string, double> RssBytes { get; init; }

    /// <summary>Managed heap growth per live session, per .NET process of the system under test.</summary>
    public required Dictionary<string, double> ManagedBytesPerSession { get; init; }

    /// <summary>CPU of the system under test (not the emulator, not the load generator) per relayed frame, in µs.</summary>
    public required double SutCpuMicrosPerFrame { get; init; }
    public required double LoadGenCpuShare { get; init; }

    /// <summary>
    /// Managed bytes the system under test allocated over the window per relayed frame (the runtime's own counter);
    /// NaN in results written before it was measured.
    /// </summary>
    public double AllocatedBytesPerFrame { get; init; } = double.NaN;
}
