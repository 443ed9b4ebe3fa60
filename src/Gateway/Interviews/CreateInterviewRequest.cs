namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The body of POST /api/interviews, as sent: every field optional and loosely typed, so that a wrong value is
/// reported by <see cref="CreateInterviewValidator"/> against its field name instead of failing deserialisation.
/// </summary>
/// <param name="Level">beginner, intermediate (default) or advanced.</param>
/// <param name="MaxDurationMinutes">The hard cap, 1..60 (default 60).</param>
public sealed record CreateInterviewRequest(
    string? CandidateName,
    string? JobTitle,
    string? SkillTopic,
    string? Level,
    IReadOnlyList<string?>? Questions,
    int? MaxDurationMinutes);
