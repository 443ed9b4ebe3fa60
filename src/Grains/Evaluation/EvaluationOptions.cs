namespace SyncHire.Grains.Evaluation;

/// <summary>"Evaluation": the text model that writes interview reports. Without a key the offline evaluator is used.</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluation";

    /// <summary>Falls back to the OPENAI_API_KEY environment variable.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API base, including /v1. Null: OpenAI's own.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Requests made before giving up; an invalid answer counts as a failed attempt.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; each later one waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The transcript budget of the evaluation prompt (about 6,000 tokens of English).</summary>
    public int MaxTranscriptCharacters { get; set; } = 24_000;

    /// <summary>Low, so that the same interview gets much the same report.</summary>
    public float Temperature { get; set; } = 0.2f;

    public int MaxOutputTokens { get; set; } = 1500;

    /// <summary>The key from configuration, else from the environment; null when neither is set.</summary>
    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey
        : Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
