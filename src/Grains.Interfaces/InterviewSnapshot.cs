namespace SyncHire.Grains.Interfaces;

[GenerateSerializer, Alias("synchire.InterviewStatus")]
public enum InterviewStatus
{
    /// <summary>Created; the candidate has not started yet.</summary>
    Created,
    /// <summary>Started; the cap clock is running.</summary>
    InProgress,
    /// <summary>Ended, for any reason (see EndReason).</summary>
    Completed,
}

/// <summary>Why an interview ended, as sent in `interview_ended` and returned by the API.</summary>
public static class EndReasons
{
    public const string Completed = "completed";
    public const string CandidateEnded = "candidate_ended";
    public const string TimeLimit = "time_limit";
    public const string Idle = "idle_timeout";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string Ended = "ended_by_platform";

    /// <summary>Every reason, for validating a reason given from outside.</summary>
    public static IReadOnlyList<string> All { get; } = [Completed, CandidateEnded, TimeLimit, Idle, ProviderUnavailable, Ended];
}

/// <summary>One completed utterance. Offsets are milliseconds since the interview started.</summary>
/// <param name="Speaker">"interviewer" or "candidate".</param>
/// <param name="QuestionIndex">Zero-based index of the question being discussed, if any.</param>
[GenerateSerializer, Alias("synchire.TranscriptTurn")]
public sealed record TranscriptTurn(int Sequence, string Speaker, string Text, long StartMs, long EndMs, int? QuestionIndex);

public static class Speakers
{
    public const string Interviewer = "interviewer";
    public const string Candidate = "candidate";
}

/// <summary>The interview as the API returns it.</summary>
[GenerateSerializer, Alias("synchire.InterviewSnapshot")]
public sealed record InterviewSnapshot(
    string Id,
    InterviewStatus Status,
    InterviewDefinition Definition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    /// <summary>Zero-based index of the current question; -1 before the first.</summary>
    int CurrentQuestionIndex,
    IReadOnlyList<string> Questions,
    IReadOnlyList<TranscriptTurn> Transcript)
{
    /// <summary>The attached CV's file name; null when the interview has no CV.</summary>
    [Id(0)] public string? CvFileName { get; init; }

    /// <summary>Characters of CV text the interviewer's prompt carries; 0 without a CV.</summary>
    [Id(1)] public int CvCharacters { get; init; }

    /// <summary>When the candidate consented to the recording (start_interview with "consent": true); null: not given.</summary>
    [Id(2)] public DateTimeOffset? ConsentGivenAt { get; init; }
}
