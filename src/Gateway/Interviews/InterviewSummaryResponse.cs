using SyncHire.Platform.Interviews;

namespace SyncHire.Gateway.Interviews;

/// <summary>One interview in GET /api/interviews: what the index knows, without the transcript.</summary>
/// <param name="Status">created, in_progress or completed.</param>
public sealed record InterviewSummaryResponse(
    string Id,
    string Status,
    string CandidateName,
    string? JobTitle,
    string? SkillTopic,
    string Level,
    string? Provider,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public static InterviewSummaryResponse From(InterviewIndexEntry entry) => new(
        entry.InterviewId,
        entry.Status,
        entry.CandidateName,
        NullIfEmpty(entry.JobTitle),
        NullIfEmpty(entry.SkillTopic),
        entry.Level,
        NullIfEmpty(entry.Provider),
        entry.CreatedAt,
        entry.StartedAt,
        entry.EndedAt,
        entry.EndReason);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>A page of GET /api/interviews, newest first. Pass <see cref="NextCursor"/> as ?cursor= for the next; null on the last page.</summary>
public sealed record InterviewListResponse(IReadOnlyList<InterviewSummaryResponse> Items, string? NextCursor);
