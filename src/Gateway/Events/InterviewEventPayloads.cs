namespace SyncHire.Gateway.Events;

/// <summary>The SSE event names of GET /api/interviews/{id}/events.</summary>
public static class InterviewEventNames
{
    public const string Status = "status";
    public const string Progress = "progress";
    public const string Transcript = "transcript";
    public const string InterviewEnded = "interview_ended";
}

/// <summary><c>status</c>: created, in_progress or completed.</summary>
public sealed record StatusEvent(string InterviewId, string Status);

/// <summary><c>progress</c>: the interview moved to question <see cref="Current"/> (1-based) of <see cref="Total"/>.</summary>
public sealed record ProgressEvent(int Current, int Total, string? Question);

/// <summary><c>transcript</c>: one final utterance; the SSE id is its sequence, so a reconnecting client resumes after it.</summary>
/// <param name="QuestionIndex">1-based, like every question index on the wire.</param>
public sealed record TranscriptEvent(int Sequence, string Speaker, string Text, long StartMs, long EndMs, int? QuestionIndex);

/// <summary><c>interview_ended</c>: the last event; the stream closes after it.</summary>
public sealed record InterviewEndedEvent(string Reason, DateTimeOffset? EndedAt, int TranscriptTurns);
