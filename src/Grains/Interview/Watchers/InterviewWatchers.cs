using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Events;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Watchers: platforms following an interview live (GET /api/interviews/{id}/events, through any gateway). A watch
/// is an interleaved call that waits until the persisted state moves past what the watcher has seen; everything it
/// returns is read from that state, so a watcher that reconnects, or follows the interview to another silo, misses
/// nothing. Watchers never touch the candidate's connection: the grain's send path only wakes them.
/// </summary>
/// <remarks>
/// Threads: <see cref="WatchAsync"/> runs in interleaved watch calls and <see cref="Notify"/> in turns, and both
/// may run on different threads at once. They share only the watcher count (<see cref="Interlocked"/>, so a send
/// with nobody watching skips the lock) and the pending wake-up (<see cref="_stateMoved"/>, swapped under
/// <see cref="_gate"/>). The state itself is an immutable record read whole through <c>readState</c>.
/// </remarks>
internal sealed class InterviewWatchers(Func<InterviewState> readState, TimeProvider time)
{
    /// <summary>Longest a watch waits; below the cluster's call timeout, so a quiet interview never fails the call.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private TaskCompletionSource _stateMoved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _watchers;

    /// <summary>What changed since <paramref name="seen"/>, as soon as something did or when the wait is over; null if the interview does not exist.</summary>
    public async Task<InterviewWatch?> WatchAsync(InterviewWatchCursor seen, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var deadline = time.GetUtcNow() + (wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait);
        Interlocked.Increment(ref _watchers);
        try
        {
            while (true)
            {
                // Taken before reading the state: a change in between completes it, and the loop looks again.
                Task moved;
                lock (_gate)
                {
                    moved = _stateMoved.Task;
                }

                var state = readState();
                if (!state.Exists)
                {
                    return null;
                }

                var watch = Describe(state, seen);
                var remaining = deadline - time.GetUtcNow();
                if (watch.Cursor != seen || remaining <= TimeSpan.Zero)
                {
                    return watch;
                }

                try
                {
                    await moved.WaitAsync(remaining, time);
                }
                catch (TimeoutException)
                {
                    return Describe(readState(), seen);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _watchers);
        }
    }

    /// <summary>Called whenever the grain sends an event: the state behind it is already in place, so watchers look again.</summary>
    public void Notify()
    {
        if (Volatile.Read(ref _watchers) == 0)
        {
            return;
        }

        TaskCompletionSource moved;
        lock (_gate)
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
