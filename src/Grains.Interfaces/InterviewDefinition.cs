namespace SyncHire.Grains.Interfaces;

/// <summary>What an interview is created with: the validated input of POST /api/interviews.</summary>
[GenerateSerializer, Alias("synchire.InterviewDefinition")]
public sealed record InterviewDefinition
{
    [Id(0)] public required string CandidateName { get; init; }
    [Id(1)] public string? JobTitle { get; init; }
    [Id(2)] public string? SkillTopic { get; init; }
    [Id(3)] public InterviewLevel Level { get; init; } = InterviewLevel.Intermediate;

    /// <summary>Ordered questions; when empty the interview builds its own from topic and level.</summary>
    [Id(4)] public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>The hard cap, at most 60 minutes.</summary>
    [Id(5)] public int MaxDurationMinutes { get; init; } = InterviewLimits.MaxDurationMinutes;

    /// <summary>A registered provider's name (the provider registry is the list: "offline", "openai", …); null picks the server default.</summary>
    [Id(6)] public string? Provider { get; init; }

    /// <summary>The interviewer's voice (a provider voice name: "alloy", "Puck", …); null: the provider's default.</summary>
    [Id(7)] public string? Voice { get; init; }

    /// <summary>The provider's model; null: the configured default.</summary>
    [Id(8)] public string? Model { get; init; }

    /// <summary>How the end of the candidate's turn is found; null: server VAD with the provider's defaults.</summary>
    [Id(9)] public TurnDetectionSettings? TurnDetection { get; init; }

    [Id(10)] public string? TenantId { get; init; }

    /// <summary>The language the interview is held in (a BCP 47 tag such as "en" or "pt-BR"); null: English.</summary>
    [Id(11)] public string? Language { get; init; }

    /// <summary>
    /// Where the completion webhook is POSTed: an absolute https URL (http only for localhost/127.0.0.1), without
    /// credentials; null: no webhook.
    /// </summary>
    [Id(12)] public string? WebhookUrl { get; init; }

    /// <summary>The platform's own flat string key/values (at most 20 keys, 1 KB), echoed in the API and the webhook.</summary>
    [Id(13)] public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The role as said aloud: the job title, or the topic when there is no title.</summary>
    public string Role => JobTitle ?? SkillTopic ?? "the role";
}

[GenerateSerializer, Alias("synchire.InterviewLevel")]
public enum InterviewLevel
{
    Beginner,
    Intermediate,
    Advanced,
}

public static class InterviewLimits
{
    public const int MaxDurationMinutes = 60;
    public const int MaxQuestions = 30;
    public const int MaxQuestionLength = 1000;
    public const int MaxNameLength = 200;
}
