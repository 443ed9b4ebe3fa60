using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview's state as the grain and its collaborators see it: one immutable <see cref="InterviewState"/>,
/// replaced whole (<c>State = State with { … }</c>) and saved after every change that must survive the silo.
/// </summary>
internal sealed class InterviewStore(string interviewId, IPersistentState<InterviewState> stored)
{
    public string InterviewId { get; } = interviewId;

    public InterviewState State
    {
        get => stored.State;
        set => stored.State = value;
    }

    public InterviewDefinition Definition =>
        State.Definition ?? throw new InvalidOperationException($"Interview {InterviewId} has not been created.");

    /// <summary>Called on activation, after Orleans read the state.</summary>
    public Task LoadAsync() => Task.CompletedTask;

    public Task SaveAsync() => stored.WriteWithRetryAsync();

    public Task ClearAsync() => stored.ClearStateAsync();

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
}
