using SyncHire.Grains.Interview;

namespace SyncHire.Grains.Evaluation;

/// <summary>
/// What an interview leaves behind to be evaluated: its definition and questions, the transcript, and what the
/// interviewer model recorded through store_answer / store_feedback and the follow-ups the grain counted.
/// </summary>
/// <param name="EndReason">Why the interview ended (<see cref="EndReasons"/>), if known.</param>
public sealed record EvaluationInput(
    InterviewDefinition Definition,
    IReadOnlyList<string> Questions,
    IReadOnlyList<TranscriptTurn> Transcript,
    IReadOnlyList<StoredAnswer> Answers,
    IReadOnlyList<StoredFeedback> Feedback)
{
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    public string? EndReason { get; init; }

    /// <summary>The interview's length, if known; otherwise the transcript's span is used.</summary>
    public TimeSpan? Duration { get; init; }
}
