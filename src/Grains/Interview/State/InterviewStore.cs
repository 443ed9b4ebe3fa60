using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview's state as the grain and its collaborators see it: one immutable <see cref="InterviewState"/>,
/// replaced whole (<c>State = State with { … }</c>) and saved after every change that must survive the silo. It is
/// persisted by concern: the interview itself, the conversation's progress, the completion, the CV (each an Orleans
/// persistent state, written only when its part changed) and the transcript (<see cref="TranscriptLog"/>, appended
/// a chunk at a time). A final transcript turn therefore writes one small chunk, not the whole interview.
/// </summary>
/// <remarks>
/// Used inside turns; <see cref="State"/> is also read by interleaved calls (snapshots, watches), which is safe
/// because the record is immutable and replaced by one reference write. A save writes the transcript first and the
/// interview's own row last, so a crash part-way leaves at worst a turn or progress whose status change was lost.
/// </remarks>
internal sealed class InterviewStore(
    string interviewId,
    IPersistentState<InterviewCoreState> core,
    IPersistentState<ConversationProgressState> progress,
    IPersistentState<CompletionState> completion,
    IPersistentState<CvState> cv,
    TranscriptLog transcript,
    Func<Task<InterviewState?>>? readLegacy = null)
{
    /// <summary>As last loaded or saved: what is in storage, to tell which parts a save must write.</summary>
    private InterviewState _saved = new();

    public string InterviewId { get; } = interviewId;

    public InterviewState State { get; set; } = new();

    public InterviewDefinition Definition =>
        State.Definition ?? throw new InvalidOperationException($"Interview {InterviewId} has not been created.");

    /// <summary>Composes the state from what Orleans read (or carried over in a migration) and the stored transcript.</summary>
    public async Task LoadAsync()
    {
        if (core.State is { Definition: not null, Layout: < InterviewCoreState.CurrentLayout } && readLegacy is not null
            && await readLegacy() is { Exists: true } legacy)
        {
            // Stored by a build that kept the whole interview in the "interview" row: split it once, now.
            State = legacy;
            _saved = new InterviewState();
            await SaveAsync();
            return;
        }

        var turns = core.State.Definition is null ? [] : await transcript.ReadAllAsync();
        State = Compose(core.State, progress.State, completion.State, cv.State, turns);
        _saved = State;
    }

    /// <summary>Writes the parts of <see cref="State"/> that changed since the last save; new transcript turns are appended.</summary>
    public async Task SaveAsync()
    {
        var state = State;
        if (state.Transcript.Count < _saved.Transcript.Count)
        {
            throw new InvalidOperationException("The transcript is append-only: a save cannot remove turns.");
        }

        await transcript.AppendAsync(state.Transcript, _saved.Transcript.Count);
        await WriteIfChangedAsync(progress, ConversationProgressState.From(state));
        await WriteIfChangedAsync(completion, CompletionState.From(state));
        await WriteIfChangedAsync(cv, CvState.From(state));
        await WriteIfChangedAsync(core, InterviewCoreState.From(state));
        _saved = state;
    }

    /// <summary>Erasure: every part, the transcript's chunks included, is removed from storage.</summary>
    public async Task ClearAsync()
    {
        await transcript.ClearAsync();
        await progress.ClearStateAsync();
        await completion.ClearStateAsync();
        await cv.ClearStateAsync();
        await core.ClearStateAsync();
        State = new InterviewState();
        _saved = State;
    }

    /// <summary>Appends a transcript turn (numbered, on the current question) to <see cref="State"/>; the caller saves.</summary>
    public TranscriptTurn AppendTurn(string speaker, string text, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var state = State;
        var origin = state.StartedAt ?? startedAt;
        var sequence = state.LastSequence + 1;
        var turn = new TranscriptTurn(sequence, speaker, text,
            (long)(startedAt - origin).TotalMilliseconds, (long)(endedAt - origin).TotalMilliseconds, state.CurrentQuestion);
        State = state with { Transcript = [.. state.Transcript, turn], LastSequence = sequence };
        return turn;
    }

    /// <summary>Writes a part unless it equals what is stored (records compare their lists by reference: unchanged lists are the same instances).</summary>
    private static async Task WriteIfChangedAsync<T>(IPersistentState<T> stored, T part)
        where T : IEquatable<T>
    {
        if (stored.RecordExists && part.Equals(stored.State))
        {
            return;
        }

        stored.State = part;
        await stored.WriteWithRetryAsync();
    }

    internal static InterviewState Compose(
        InterviewCoreState core, ConversationProgressState progress, CompletionState completion, CvState cv, IReadOnlyList<TranscriptTurn> transcript) => new()
    {
        Definition = core.Definition,
        Status = core.Status,
        CreatedAt = core.CreatedAt,
        StartedAt = core.StartedAt,
        EndedAt = core.EndedAt,
        EndReason = core.EndReason,
        Questions = core.Questions,
        TextMode = core.TextMode,
        ConsentGivenAt = core.ConsentGivenAt,
        TimeWarningSent = core.TimeWarningSent,
        CurrentQuestionIndex = progress.CurrentQuestionIndex,
        FollowUps = progress.FollowUps,
        Answers = progress.Answers,
        Feedback = progress.Feedback,
        AllQuestionsAsked = progress.AllQuestionsAsked,
        Closing = progress.Closing,
        Report = completion.Report,
        CompletionPublished = completion.CompletionPublished,
        CvText = cv.CvText,
        CvFileName = cv.CvFileName,
        Transcript = transcript,
        LastSequence = transcript.Count > 0 ? transcript[^1].Sequence : 0,
    };
}
