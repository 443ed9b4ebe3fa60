namespace SyncHire.Platform.Interviews;

/// <summary>
/// A page request for <see cref="IInterviewIndex.ListInterviewsAsync"/>. Filters combine with AND; null means no filter.
/// </summary>
/// <param name="Status">Exact status, e.g. "completed".</param>
/// <param name="CreatedFrom">Inclusive lower bound on CreatedAt.</param>
/// <param name="CreatedTo">Exclusive upper bound on CreatedAt.</param>
/// <param name="CandidateNameContains">Case-insensitive substring of the candidate's name.</param>
/// <param name="Cursor">The previous page's <see cref="InterviewPage.NextCursor"/>; null for the first page.</param>
/// <param name="Limit">Page size, 1–100.</param>
public sealed record InterviewQuery(
    string? Status = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    string? CandidateNameContains = null,
    string? Cursor = null,
    int Limit = InterviewQuery.DefaultLimit)
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 100;
}

/// <summary>Newest first. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record InterviewPage(IReadOnlyList<InterviewIndexEntry> Items, string? NextCursor);
