namespace SyncHire.Providers.OpenAI;

/// <summary>
/// Server defaults for OpenAI Realtime interviews (section "Providers:OpenAI"); an interview's own voice, model and
/// turn detection override them. The key comes from configuration or the OPENAI_API_KEY environment variable and
/// goes nowhere but the connection's Authorization header.
/// </summary>
public sealed class OpenAIRealtimeOptions
{
    public const string SectionName = "Providers:OpenAI";
    public const string ApiKeyEnvironmentVariable = "OPENAI_API_KEY";

    public string? ApiKey { get; set; }

    /// <summary>The API base; the client connects to <c>{Endpoint}/realtime?model=...</c> over ws/wss.</summary>
    public string Endpoint { get; set; } = "https://api.openai.com/v1";

    public string Model { get; set; } = "gpt-realtime";

    /// <summary>Set before the first audio of a session; the API refuses to change it once the assistant has spoken.</summary>
    public string Voice { get; set; } = "alloy";

    /// <summary>
    /// Sampling temperature the product proposal asks for (0.3–0.6). The GA Realtime API (and the OpenAI 2.15 .NET
    /// session options) has no temperature parameter any more — it rejects `session.temperature` as unknown — so the
    /// value is validated for when a model accepts it again, and not sent.
    /// </summary>
    public double Temperature { get; set; } = 0.5;

    /// <summary>Cap on each response's output tokens (audio and text together), 1–4096.</summary>
    public int MaxOutputTokens { get; set; } = 1024;

    public OpenAITurnDetectionOptions TurnDetection { get; set; } = new();

    /// <summary>The model that transcribes the candidate's audio (the realtime model hears audio natively).</summary>
    public string InputTranscriptionModel { get; set; } = "gpt-4o-mini-transcribe";

    /// <summary>OpenAI ends a session at 60 minutes without warning; the grain rolls over to a fresh one before this.</summary>
    public TimeSpan MaxSessionDuration { get; set; } = TimeSpan.FromMinutes(55);

    /// <summary>How long opening and configuring a session may take before the connect fails.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Default turn detection: `server_vad` with the API's own defaults, or push-to-talk (no turn detection).</summary>
public sealed class OpenAITurnDetectionOptions
{
    public TurnDetectionMode Mode { get; set; } = TurnDetectionMode.ServerVad;

    /// <summary>VAD activation threshold, 0–1 (higher needs louder speech).</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Audio kept from before detected speech.</summary>
    public int PrefixPaddingMs { get; set; } = 300;

    /// <summary>Silence that ends the candidate's turn.</summary>
    public int SilenceDurationMs { get; set; } = 200;
}
