namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The body of POST /api/interviews, as sent: every field optional and loosely typed, so that a wrong value is
/// reported by <see cref="CreateInterviewValidator"/> against its field name instead of failing deserialisation.
/// </summary>
/// <param name="Level">beginner, intermediate (default) or advanced.</param>
/// <param name="MaxDurationMinutes">The hard cap, 1..60 (default 60).</param>
/// <param name="Provider">offline, openai, gemini or pipeline; default: the server's.</param>
/// <param name="Voice">A voice of that provider (alloy, Puck, …); default: the provider's configured voice.</param>
/// <param name="Model">A model of that provider; default: the configured one.</param>
/// <param name="TurnDetection">How the end of the candidate's turn is found; default: server VAD.</param>
public sealed record CreateInterviewRequest(
    string? CandidateName,
    string? JobTitle,
    string? SkillTopic,
    string? Level,
    IReadOnlyList<string?>? Questions,
    int? MaxDurationMinutes,
    string? Provider = null,
    string? Voice = null,
    string? Model = null,
    TurnDetectionRequest? TurnDetection = null);

/// <param name="Mode">server_vad (default) or push_to_talk (the client sends send_for_AI_processing).</param>
/// <param name="Threshold">Server VAD sensitivity, 0..1 (default 0.5).</param>
/// <param name="PrefixPaddingMs">Audio kept before detected speech, 0..2000 ms (default 300).</param>
/// <param name="SilenceDurationMs">Silence that ends a turn, 100..5000 ms (default 200).</param>
public sealed record TurnDetectionRequest(string? Mode, double? Threshold, int? PrefixPaddingMs, int? SilenceDurationMs);
