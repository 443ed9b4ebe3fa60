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

    /// <summary>What is wrong with these settings, each naming the setting (never a secret value); empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxTokens is < 16 or > 4096)
        {
            yield return $"{SectionName}:{nameof(MaxTokens)} must be within 16..4096.";
        }

        if (Temperature is < 0 or > 2 || float.IsNaN(Temperature))
        {
            yield return $"{SectionName}:{nameof(Temperature)} must be within 0..2.";
        }

        if (Retries is < 0 or > 5)
        {
            yield return $"{SectionName}:{nameof(Retries)} must be within 0..5.";
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(10))
        {
            yield return $"{SectionName}:{nameof(RetryDelay)} must be within 0..10 seconds.";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:{nameof(RequestTimeout)} must be positive.";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(TranscriptionModel), TranscriptionModel), (nameof(ChatModel), ChatModel),
            (nameof(SpeechModel), SpeechModel), (nameof(Voice), Voice),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{SectionName}:{name} must be set.";
            }
        }

        if (Endpoint is not null && !(Endpoint.IsAbsoluteUri && Endpoint.Scheme is "http" or "https"))
        {
            yield return $"{SectionName}:{nameof(Endpoint)} must be an absolute http(s) URL.";
        }
    }
}
