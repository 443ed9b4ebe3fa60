using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Everything an interview keeps, as one immutable view. A plain record, replaced whole
/// (<c>State = State with { … }</c>) and saved after every change that must survive the silo: a crash loses at most
/// the turn that was being spoken. It is not stored as one row: <see cref="InterviewStore"/> persists it by concern
/// (<see cref="InterviewCoreState"/>, <see cref="ConversationProgressState"/>, <see cref="CompletionState"/>,
/// <see cref="CvState"/>) and the transcript as an append-only <see cref="TranscriptLog"/>.
/// </summary>
[GenerateSerializer, Alias("synchire.InterviewState")]
public sealed record InterviewState
{
    /// <summary>Null until <c>Create</c>: the grain exists only once this is set.</summary>
    [Id(0)] public InterviewDefinition? Definition { get; init; }

    [Id(1)] public InterviewStatus Status { get; init; } = InterviewStatus.Created;

    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the candidate started. The hard cap is measured from this persisted value, on any silo.</summary>
    [Id(3)] public DateTimeOffset? StartedAt { get; init; }

    [Id(4)] public DateTimeOffset? EndedAt { get; init; }

    [Id(5)] public string? EndReason { get; init; }

    [Id(6)] public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Zero-based index of the question being discussed; -1 before the first.</summary>
    [Id(7)] public int CurrentQuestionIndex { get; init; } = -1;

    /// <summary>Interviewer turns that probed the current question further instead of moving on.</summary>
    [Id(8)] public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>Answers recorded by the model through the store_answer tool, one per question id (latest wins).</summary>
    [Id(9)] public IReadOnlyList<StoredAnswer> Answers { get; init; } = [];

    /// <summary>Feedback recorded through the store_feedback tool, one per question id (latest wins).</summary>
    [Id(10)] public IReadOnlyList<StoredFeedback> Feedback { get; init; } = [];

    [Id(11)] public IReadOnlyList<TranscriptTurn> Transcript { get; init; } = [];

    /// <summary>The sequence number of the last transcript turn; turns are numbered 1, 2, 3…</summary>
    [Id(12)] public int LastSequence { get; init; }

    /// <summary>fetch_next_question has said done: the closing question is next, nothing after it is a follow-up.</summary>
    [Id(13)] public bool AllQuestionsAsked { get; init; }

    /// <summary>The model called end_interview: the interview completes when its current response is done.</summary>
    [Id(14)] public bool Closing { get; init; }

    /// <summary>The time warning went out; a reactivated grain does not warn twice.</summary>
    [Id(15)] public bool TimeWarningSent { get; init; }

    /// <summary>The evaluation, once written (see <see cref="InterviewCompletion"/>).</summary>
    [Id(16)] public InterviewReportSnapshot? Report { get; init; }

    /// <summary>The interview.completed webhook is in the outbox (or the interview has no webhook URL).</summary>
    [Id(17)] public bool CompletionPublished { get; init; }

    /// <summary>The candidate's CV as prompt text (extracted and trimmed at upload); null without one.</summary>
    [Id(18)] public string? CvText { get; init; }

    /// <summary>The uploaded CV's file name, as the platform sees it; null without a CV.</summary>
    [Id(19)] public string? CvFileName { get; init; }

    /// <summary>Started as a typed Q&amp;A interview over REST: no provider session, the grain asks and scores.</summary>
    [Id(20)] public bool TextMode { get; init; }

    /// <summary>When the candidate consented to the recording, as sent with start_interview; null: not given.</summary>
    [Id(21)] public DateTimeOffset? ConsentGivenAt { get; init; }

    public bool Exists => Definition is not null;

    /// <summary>A new interview: its own questions (trimmed), or ones from the question bank for its topic and level.</summary>
    public static InterviewState Create(InterviewDefinition definition, DateTimeOffset now) => new()
    {
        Definition = definition,
        Status = InterviewStatus.Created,
        CreatedAt = now,
        Questions = definition.Questions.Count > 0
            ? [.. definition.Questions.Select(q => q.Trim())]
            : SyncHire.Grains.Questions.QuestionBank.Build(definition.SkillTopic ?? definition.JobTitle, definition.Level),
    };

    /// <summary>The zero-based index of the question being discussed, or null before the first.</summary>
    public int? CurrentQuestion => CurrentQuestionIndex >= 0 ? CurrentQuestionIndex : null;

    /// <summary>What callers see of the interview <paramref name="interviewId"/>; it must exist.</summary>
    public InterviewSnapshot ToSnapshot(string interviewId) => new(
        interviewId,
        Status,
        Definition ?? throw new InvalidOperationException($"Interview {interviewId} has not been created."),
        CreatedAt,
        StartedAt,
        EndedAt,
        EndReason,
        CurrentQuestionIndex,
        Questions,
        Transcript)
    {
        CvFileName = CvFileName,
        CvCharacters = CvText?.Length ?? 0,
        ConsentGivenAt = ConsentGivenAt,
    };

    /// <summary>The question id tools use for a zero-based index: q1, q2, …</summary>
    public static string QuestionId(int index) => $"q{index + 1}";

    /// <summary>The zero-based index of a tool's question id, or null if it names no question of this interview.</summary>
    public int? QuestionIndexOf(string? questionId)
    {
        if (questionId is null || questionId.Length < 2 || questionId[0] != 'q'
            || !int.TryParse(questionId.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number < 1 || number > Questions.Count)
        {
            return null;
        }

        return number - 1;
    }
}

/// <param name="Score">The model's score for the answer, if it gave one.</param>
[GenerateSerializer, Alias("synchire.StoredAnswer")]
public sealed record StoredAnswer(string QuestionId, string Transcript, double? Score, IReadOnlyList<string> Tags);

[GenerateSerializer, Alias("synchire.StoredFeedback")]
public sealed record StoredFeedback(string QuestionId, IReadOnlyList<string> Bullets);

/// <param name="Sequence">The transcript turn in which the interviewer followed up.</param>
[GenerateSerializer, Alias("synchire.FollowUp")]
public sealed record FollowUp(int QuestionIndex, int Sequence);
