using Orleans.Concurrency;
using Orleans.Runtime;

namespace SyncHire.Grains.Interfaces;

/// <summary>
/// One interview. Owns its conversation state and transcript, its provider session, its timers (idle, time
/// warning, the hard cap) and its question progress. The candidate's media stream never crosses a grain call: the
/// gateway in the same process hands the grain an in-process connection (see <see cref="AttachCandidate"/>), whose
/// text frames are the client protocol's JSON events and binary frames PCM16.
/// </summary>
[Alias("synchire.IInterviewGrain")]
public interface IInterviewGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the candidate connection the gateway of <paramref name="gatewaySilo"/> registered under
    /// <paramref name="connectionId"/> in that process. The connection exists only in that process, so if this
    /// activation lives elsewhere it migrates there (answering <see cref="CandidateAttachResult.Moving"/>: call
    /// again, the call lands on the moved activation). A newer connection replaces an older one.
    /// </summary>
    [Alias("AttachCandidate")]
    Task<CandidateAttachResult> AttachCandidate(string connectionId, SiloAddress gatewaySilo);

    /// <summary>Creates the interview. Calling it again on an existing interview is refused.</summary>
    [Alias("Create")]
    Task<InterviewSnapshot> Create(InterviewDefinition definition);

    /// <summary>Status, progress and the transcript so far; null if the interview was never created.</summary>
    [AlwaysInterleave]
    [Alias("GetSnapshot")]
    Task<InterviewSnapshot?> GetSnapshot();

    /// <summary>Ends the interview (idempotent). The connected candidate receives `interview_ended`.</summary>
    [Alias("End")]
    Task<InterviewSnapshot> End(string reason);

    /// <summary>
    /// The interview's evaluation: not finished, pending (the evaluator runs after the end, off the turn), ready
    /// with the report, or not available (ended before anything could be evaluated). Null if never created.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetReport")]
    Task<InterviewReportResult?> GetReport();

    /// <summary>
    /// Erases the interview (DELETE /api/interviews/{id}, the retention purge): ends it first if it is running
    /// (ended_by_platform), then deletes its persisted state, transcript included, and its reminder. Afterwards the
    /// interview behaves as never created. Idempotent.
    /// </summary>
    [Alias("Erase")]
    Task Erase();

    /// <summary>
    /// Attaches the candidate's CV (already extracted and trimmed prompt text) or replaces the one attached; the
    /// interviewer's prompt then refers to it. Refused (<see cref="InvalidOperationException"/>) once the interview
    /// has started, and (<see cref="ArgumentException"/>) for empty or oversized text.
    /// </summary>
    [Alias("AttachCv")]
    Task<InterviewSnapshot> AttachCv(string text, string fileName);

    /// <summary>
    /// Text Q&amp;A mode: the question to answer now. A created interview starts here as a typed interview (no
    /// audio, no provider session). Refused (<see cref="InvalidOperationException"/>) for an interview running
    /// over audio, which takes typed answers on its socket instead.
    /// </summary>
    [Alias("GetTextQuestion")]
    Task<TextMode.TextQuestion> GetTextQuestion();

    /// <summary>
    /// Text Q&amp;A mode: records a typed answer to the current question (starting the typed interview if needed),
    /// scores it with feedback, and moves to the next question; after the last one the interview completes.
    /// Refused (<see cref="InvalidOperationException"/>) once ended or for an audio interview.
    /// </summary>
    [Alias("SubmitTextAnswer")]
    Task<TextMode.TextAnswerResult> SubmitTextAnswer(string text);

    /// <summary>
    /// For live event streams: answers as soon as the interview differs from <paramref name="seen"/> (a new final
    /// transcript turn, another status or question), or after <paramref name="wait"/> with nothing new. Never
    /// touches the candidate's connection. Null if the interview does not exist.
    /// </summary>
    [AlwaysInterleave]
    [Alias("WatchChanges")]
    Task<Events.InterviewWatch?> WatchChanges(Events.InterviewWatchCursor seen, TimeSpan wait);
}

/// <summary>What <see cref="IInterviewGrain.AttachCandidate"/> did with the connection.</summary>
[GenerateSerializer, Alias("synchire.CandidateAttachResult")]
public enum CandidateAttachResult
{
    /// <summary>The grain took the connection and is serving it.</summary>
    Attached,
    /// <summary>The interview was never created (or has been erased); the connection was closed with 4404.</summary>
    NotCreated,
    /// <summary>The activation is moving to the gateway's silo; attach again.</summary>
    Moving,
}
