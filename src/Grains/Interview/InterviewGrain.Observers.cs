using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Events;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Watchers: platforms following an interview live (GET /api/interviews/{id}/events, through any gateway). A watch
/// is an interleaved call that waits until the persisted state moves past what the watcher has seen; everything it
/// returns is read from that state, so a watcher that reconnects, or follows the interview to another silo, misses
/// nothing. Watchers never touch the candidate's connection: the grain's send path only wakes them.
/// </summary>
public sealed partial class InterviewGrain
{
    /// <summary>Longest a watch waits; below the cluster's call timeout, so a quiet interview never fails the call.</summary>
    public static readonly TimeSpan MaxWatchWait = TimeSpan.FromSeconds(20);

    private readonly Lock _watchGate = new();
    private TaskCompletionSource _stateMoved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _watchers;

    public async Task<InterviewWatch?> WatchChanges(InterviewWatchCursor seen, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var deadline = Time.GetUtcNow() + (wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWatchWait ? MaxWatchWait : wait);
        Interlocked.Increment(ref _watchers);
        try
        {
            while (true)
            {
                // Taken before reading the state: a change in between completes it, and the loop looks again.
                Task moved;
                lock (_watchGate)
                {
                    moved = _stateMoved.Task;
                }

                var state = State;
                if (!state.Exists)
                {
                    return null;
                }

                var watch = Describe(state, seen);
                var remaining = deadline - Time.GetUtcNow();
                if (watch.Cursor != seen || remaining <= TimeSpan.Zero)
                {
                    return watch;
                }

                try
                {
                    await moved.WaitAsync(remaining, Time);
                }
                catch (TimeoutException)
                {
                    return Describe(State, seen);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _watchers);
        }
    }

    /// <summary>Called whenever the grain sends an event: the state behind it is already in place, so watchers look again.</summary>
    private void NotifyWatchers()
    {
        if (Volatile.Read(ref _watchers) == 0)
        {
            return;
        }

        TaskCompletionSource moved;
        lock (_watchGate)
        {
            moved = _stateMoved;
            _stateMoved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        moved.TrySetResult();
    }

    private static InterviewWatch Describe(InterviewState state, InterviewWatchCursor seen)
    {
        var newTurns = state.Transcript.Where(t => t.Sequence > seen.TranscriptSequence).ToList();
        var index = state.CurrentQuestionIndex;
        return new InterviewWatch(
            state.Status,
            index,
            state.Questions.Count,
            index >= 0 && index < state.Questions.Count ? state.Questions[index] : null,
            newTurns,
            newTurns.Count > 0 ? newTurns[^1].Sequence : seen.TranscriptSequence,
            state.EndReason,
            state.EndedAt);
    }
}
