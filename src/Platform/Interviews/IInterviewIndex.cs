namespace SyncHire.Platform.Interviews;

/// <summary>
/// The per-tenant listing of interviews. Every read and delete is scoped to a tenant: another tenant's interview
/// behaves exactly as one that does not exist.
/// </summary>
public interface IInterviewIndex
{
    /// <summary>
    /// Inserts or replaces the entry (CreatedAt keeps its first value). Throws <see cref="InvalidOperationException"/>
    /// when the id is already indexed under another tenant: a tenant can never overwrite another's interview.
    /// </summary>
    Task UpsertInterviewAsync(InterviewIndexEntry entry, CancellationToken cancellationToken);

    /// <summary>The entry, or null when it does not exist or belongs to another tenant.</summary>
    Task<InterviewIndexEntry?> GetInterviewAsync(string tenantId, string interviewId, CancellationToken cancellationToken);

    /// <summary>
    /// One page, newest first (CreatedAt, then id, descending). Throws <see cref="ArgumentOutOfRangeException"/>
    /// for a limit outside 1–100 and <see cref="ArgumentException"/> (ParamName "cursor") for a forged cursor.
    /// </summary>
    Task<InterviewPage> ListInterviewsAsync(string tenantId, InterviewQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// How many of the tenant's interviews have one of <paramref name="statuses"/>, counted no further than
    /// <paramref name="atMost"/>: one indexed query whose cost is bounded by the limit, not the tenant's history.
    /// </summary>
    Task<int> CountInterviewsAsync(string tenantId, IReadOnlyList<string> statuses, int atMost, CancellationToken cancellationToken);

    /// <summary>Removes the entry. False when there was none for that tenant.</summary>
    Task<bool> DeleteInterviewAsync(string tenantId, string interviewId, CancellationToken cancellationToken);

    /// <summary>
    /// Interviews of every tenant that ended before <paramref name="cutoff"/>, oldest end first, at most
    /// <paramref name="limit"/> (1–1000): the retention purge's work list.
    /// </summary>
    Task<IReadOnlyList<EndedInterview>> ListEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);
}

/// <summary>An interview past retention: enough to erase it everywhere.</summary>
public sealed record EndedInterview(string InterviewId, string TenantId, DateTimeOffset EndedAt);
