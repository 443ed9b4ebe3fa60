namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>What the browser's microphone is in a test.</summary>
public abstract record Microphone
{
    /// <summary>Chromium's fake capture device, playing a WAV file in a loop; access is granted.</summary>
    public sealed record PlayingFile(string WavPath) : Microphone;

    /// <summary>The candidate refuses microphone access.</summary>
    public sealed record Denied : Microphone;
}
