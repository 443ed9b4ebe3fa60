using SyncHire.Runtime;
using SyncHire.Runtime.Connections;

namespace SyncHire.Grains.Interfaces;

/// <summary>
/// One interview. Owns its conversation state and transcript, its provider session, its timers (idle, time
/// warning, the hard cap) and its question progress. The candidate's media stream reaches it as a connection
/// (see <see cref="IConnectableGrain"/>): text frames are the client protocol's JSON events, binary frames PCM16.
/// </summary>
[GrainType("interview")]
public interface IInterviewGrain : IConnectableGrain, IRemindable
{
    /// <summary>Creates the interview. Calling it again on an existing interview is refused.</summary>
    Task<InterviewSnapshot> Create(InterviewDefinition definition);

    /// <summary>Status, progress and the transcript so far; null if the interview was never created.</summary>
    [AlwaysInterleave]
    Task<InterviewSnapshot?> GetSnapshot();

    /// <summary>Ends the interview (idempotent). The connected candidate receives `interview_ended`.</summary>
    Task<InterviewSnapshot> End(string reason);

    /// <summary>
    /// The interview's evaluation: not finished, pending (the evaluator runs after the end, off the turn), ready
    /// with the report, or not available (ended before anything could be evaluated). Null if never created.
    /// </summary>
    [AlwaysInterleave]
    Task<InterviewReportResult?> GetReport();

    /// <summary>
    /// Erases the interview (DELETE /api/interviews/{id}, the retention purge): ends it first if it is running
    /// (ended_by_platform), then deletes its persisted state, transcript included, and its reminder. Afterwards the
    /// interview behaves as never created. Idempotent.
    /// </summary>
    Task Erase();
}
