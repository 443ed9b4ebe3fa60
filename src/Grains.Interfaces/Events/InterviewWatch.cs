namespace SyncHire.Grains.Interfaces.Events;

/// <summary>
/// What a platform watching an interview has already seen: the last final transcript turn, the status and the
/// current question. The grain answers a watch as soon as the interview differs from it.
/// </summary>
/// <param name="CurrentQuestionIndex">Zero-based, -1 before the first question (as in the snapshot).</param>
[GenerateSerializer, Alias("synchire.InterviewWatchCursor")]
public sealed record InterviewWatchCursor(int TranscriptSequence, InterviewStatus Status, int CurrentQuestionIndex);

/// <summary>
/// The interview as a watcher needs it: status and progress now, and the final transcript turns after the cursor's
/// sequence, in order. Everything comes from the persisted state, so nothing is lost when a watcher reconnects or
/// the interview moves to another silo.
/// </summary>
/// <param name="CurrentQuestionIndex">Zero-based, -1 before the first question.</param>
/// <param name="CurrentQuestion">The text of the current question, if there is one.</param>
[GenerateSerializer, Alias("synchire.InterviewWatch")]
public sealed record InterviewWatch(
    InterviewStatus Status,
    int CurrentQuestionIndex,
    int QuestionCount,
    string? CurrentQuestion,
    IReadOnlyList<TranscriptTurn> NewTurns,
    int LastSequence,
    string? EndReason,
    DateTimeOffset? EndedAt)
{
    /// <summary>The cursor after this watch: the next watch reports only what happens after it.</summary>
    public InterviewWatchCursor Cursor => new(LastSequence, Status, CurrentQuestionIndex);
}
