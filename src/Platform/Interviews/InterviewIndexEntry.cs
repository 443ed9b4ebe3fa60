namespace SyncHire.Platform.Interviews;

/// <summary>
/// The queryable summary of one interview (the grain's state is JSON and cannot be filtered). Times are kept to
/// the millisecond. <see cref="CreatedAt"/> is fixed by the first upsert: later upserts do not move an interview
/// in the listing order.
/// </summary>
public sealed record InterviewIndexEntry(
    string InterviewId,
    string TenantId,
    string Status,
    string CandidateName,
    string JobTitle,
    string SkillTopic,
    string Level,
    string Provider,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    string? EndReason = null);
