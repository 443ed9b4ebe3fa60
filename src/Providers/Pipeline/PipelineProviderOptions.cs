namespace SyncHire.Providers.Pipeline;

/// <summary>
/// "Providers:Pipeline": the OpenAI HTTP endpoints (or a compatible server, such as the emulator) behind the
/// STT→LLM→TTS interviewer, and the models it uses. Per-interview Voice and Model (chat) override these.
/// </summary>
public sealed class PipelineProviderOptions
{
    public const string SectionName = "Providers:Pipeline";

    /// <summary>Falls back to the OPENAI_API_KEY environment variable; the provider is configured when either is set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API base, including /v1. Null: OpenAI's own.</summary>
    public Uri? Endpoint { get; set; }

    public string TranscriptionModel { get; set; } = "whisper-1";

    /// <summary>Spoken language hint for transcription (ISO-639-1); null lets the model detect it.</summary>
    public string? TranscriptionLanguage { get; set; } = "en";

    public string ChatModel { get; set; } = "gpt-4o-mini";

    public string SpeechModel { get; set; } = "tts-1";

    public string Voice { get; set; } = "alloy";

    /// <summary>Cap on each reply: an interviewer's turn is a sentence or two, as the original backend chose.</summary>
    public int MaxTokens { get; set; } = 150;

    public float Temperature { get; set; } = 0.5f;

    /// <summary>Extra attempts after a transient failure (5xx, 429, timeouts, dropped connections).</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The wait before the first retry; each later one waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one HTTP request may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The key from configuration, else from the environment; null when neither is set.</summary>
    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey
        : Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
