using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

// The interview's persisted state, one record per concern, each its own grain-state row: a change writes only the
// rows of the concerns it touched. InterviewStore composes them (and the transcript) into one InterviewState.

/// <summary>
/// The interview itself (state "interview"): what was asked for, its status and times, and its questions. Written
/// on create, start, the time warning and end.
/// </summary>
[GenerateSerializer, Alias("synchire.InterviewCoreState")]
public sealed record InterviewCoreState
{
    /// <summary>Null until <c>Create</c>: the grain exists only once this is set.</summary>
    [Id(0)] public InterviewDefinition? Definition { get; init; }

    [Id(1)] public InterviewStatus Status { get; init; } = InterviewStatus.Created;

    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    [Id(3)] public DateTimeOffset? StartedAt { get; init; }

    [Id(4)] public DateTimeOffset? EndedAt { get; init; }

    [Id(5)] public string? EndReason { get; init; }

    [Id(6)] public IReadOnlyList<string> Questions { get; init; } = [];

    [Id(7)] public bool TextMode { get; init; }

    [Id(8)] public DateTimeOffset? ConsentGivenAt { get; init; }

    [Id(9)] public bool TimeWarningSent { get; init; }

    /// <summary>
    /// <see cref="CurrentLayout"/> for a row written since the state was split by concern; 0 for a row an earlier build
    /// wrote with the whole interview in it (its JSON has no such field), which <see cref="InterviewStore"/> splits.
    /// </summary>
    [Id(10)] public int Layout { get; init; }

    public const int CurrentLayout = 2;

    public static InterviewCoreState From(InterviewState state) => new()
    {
        Layout = CurrentLayout,
        Definition = state.Definition,
        Status = state.Status,
        CreatedAt = state.CreatedAt,
        StartedAt = state.StartedAt,
        EndedAt = state.EndedAt,
        EndReason = state.EndReason,
        Questions = state.Questions,
        TextMode = state.TextMode,
        ConsentGivenAt = state.ConsentGivenAt,
        TimeWarningSent = state.TimeWarningSent,
    };
}

/// <summary>
/// Where the conversation stands (state "progress"): the question being discussed, follow-ups, what the interviewer's
/// tools stored, and the flags that steer the end. Written when a tool or a typed answer moves it.
/// </summary>
[GenerateSerializer, Alias("synchire.ConversationProgressState")]
public sealed record ConversationProgressState
{
    [Id(0)] public int CurrentQuestionIndex { get; init; } = -1;

    [Id(1)] public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    [Id(2)] public IReadOnlyList<StoredAnswer> Answers { get; init; } = [];

    [Id(3)] public IReadOnlyList<StoredFeedback> Feedback { get; init; } = [];

    [Id(4)] public bool AllQuestionsAsked { get; init; }

    [Id(5)] public bool Closing { get; init; }

    public static ConversationProgressState From(InterviewState state) => new()
    {
        CurrentQuestionIndex = state.CurrentQuestionIndex,
        FollowUps = state.FollowUps,
        Answers = state.Answers,
        Feedback = state.Feedback,
        AllQuestionsAsked = state.AllQuestionsAsked,
        Closing = state.Closing,
    };
}

/// <summary>What the interview produced once it ended (state "completion"): the report, and whether the webhook is queued.</summary>
[GenerateSerializer, Alias("synchire.CompletionState")]
public sealed record CompletionState
{
    [Id(0)] public InterviewReportSnapshot? Report { get; init; }

    [Id(1)] public bool CompletionPublished { get; init; }

    public static CompletionState From(InterviewState state) => new() { Report = state.Report, CompletionPublished = state.CompletionPublished };
}

/// <summary>The candidate's CV (state "cv"), written once, before the start.</summary>
[GenerateSerializer, Alias("synchire.CvState")]
public sealed record CvState
{
    [Id(0)] public string? CvText { get; init; }

    [Id(1)] public string? CvFileName { get; init; }

    public static CvState From(InterviewState state) => new() { CvText = state.CvText, CvFileName = state.CvFileName };
}

/// <summary>A run of consecutive transcript turns (state "transcript-N" holds turns N×size+1 … (N+1)×size).</summary>
[GenerateSerializer, Alias("synchire.TranscriptChunk")]
public sealed record TranscriptChunk
{
    [Id(0)] public IReadOnlyList<TranscriptTurn> Turns { get; init; } = [];
}
