namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview's lifecycle, as the collaborators that start or end it (the candidate protocol, typed interviews)
/// reach it. Implemented by the grain, which owns the transitions; called inside turns.
/// </summary>
internal interface IInterviewLifecycle
{
    /// <summary>start_interview on a created interview: persist the start (and the consent), go live, open the interviewer.</summary>
    Task BeginAsync(bool consent, DateTimeOffset now);

    /// <summary>A start was persisted: index it, keep the activation, start the cap and the warning.</summary>
    Task GoLiveAsync(DateTimeOffset now);

    /// <summary>A live spoken interview needs its interviewer: open the provider session unless one is open or coming.</summary>
    Task EnsureInterviewerAsync();

    /// <summary>Ends the interview (once) with <paramref name="reason"/>.</summary>
    Task EndAsync(string reason);
}
