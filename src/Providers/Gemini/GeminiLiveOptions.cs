namespace SyncHire.Providers.Gemini;

/// <summary>Server defaults for Gemini Live ("Providers:Gemini"); per-interview Voice/Model/TurnDetection override them.</summary>
public sealed class GeminiLiveOptions
{
    public const string SectionName = "Providers:Gemini";
    public const string ApiKeyEnvironmentVariable = "GEMINI_API_KEY";

    /// <summary>From configuration, else the GEMINI_API_KEY environment variable. Sent only in the x-goog-api-key header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The service root (ws:// or wss://); the BidiGenerateContent path is appended.</summary>
    public string Endpoint { get; set; } = "wss://generativelanguage.googleapis.com";

    public string Model { get; set; } = "gemini-2.5-flash-native-audio-preview-12-2025";

    /// <summary>A prebuilt voice name.</summary>
    public string Voice { get; set; } = "Puck";

    /// <summary>How many times a resumption (after goAway or a drop) is tried before the session is declared lost.</summary>
    public int ResumeAttempts { get; set; } = 3;

    /// <summary>Limit for opening a connection and receiving setupComplete.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait between failed resumption attempts (multiplied by the attempt number).</summary>
    public TimeSpan ResumeBackoff { get; set; } = TimeSpan.FromMilliseconds(250);
}
