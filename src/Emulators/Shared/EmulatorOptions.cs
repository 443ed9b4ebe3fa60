namespace SyncHire.Emulators.Shared;

/// <summary>How the emulators behave; shared by all of them.</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// Send audio at its real playback rate (the benchmark, the demo) instead of as fast as possible (tests, which
    /// measure audio by samples and must not wait for it).
    /// </summary>
    public bool RealTimeAudio { get; set; }

    /// <summary>Size of each audio chunk the emulators send.</summary>
    public TimeSpan AudioChunk { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The API key the emulators accept; requests with any other key are refused as the real APIs do.</summary>
    public string ApiKey { get; set; } = "emulator-key";

    public EmulatorFaults Faults { get; } = new();
}
