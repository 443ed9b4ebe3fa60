namespace SyncHire.Emulators.GeminiLive;

/// <summary>Gemini-specific emulator behaviour beyond the shared <see cref="Shared.EmulatorOptions"/>.</summary>
public sealed class GeminiLiveEmulatorSettings
{
    /// <summary>
    /// How long one WebSocket connection may live, as the real service limits a connection to about ten minutes
    /// (null: no limit). <see cref="GoAwayNotice"/> before the end the emulator sends goAway, then closes.
    /// </summary>
    public TimeSpan? MaxConnectionDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before a connection's end the goAway warning is sent.</summary>
    public TimeSpan GoAwayNotice { get; set; } = TimeSpan.FromSeconds(30);
}
