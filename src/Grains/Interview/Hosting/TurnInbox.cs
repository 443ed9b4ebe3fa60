using Orleans.Storage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Work waiting to run as a turn of one activation. Background loops (the candidate connection's reader, the
/// provider session's event pump, the evaluation) call <see cref="RunInTurnAsync"/>; it queues the work and makes a grain
/// call to the activation itself (<see cref="IInterviewTurns.RunNextTurn"/>), which runs the oldest item inside a
/// turn. Orleans then gives that work the guarantees of a request: no other turn interleaves with it.
/// </summary>
/// <remarks>
/// Each call runs one item in queue order, whatever order the calls arrive in. The queue is touched by background
/// threads and by turns, hence the lock. After <see cref="Close"/> (the activation is deactivating) queued and new
/// work fails with <see cref="ObjectDisposedException"/>: a self-call would reach the next activation, which has
/// none of this activation's objects.
/// </remarks>
internal sealed class TurnInbox(Func<Task> requestTurn) : ITurnRunner
{
    private readonly Lock _gate = new();
    private readonly Queue<QueuedTurn> _queue = new();
    private bool _closed;

    public async Task RunInTurnAsync(Func<Task> work)
    {
        var turn = new QueuedTurn(work);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _queue.Enqueue(turn);
        }

        await requestTurn();
        await turn.Done.Task;
    }

    /// <summary>Called inside the turn the self-call opened.</summary>
    public async Task RunNextAsync()
    {
        QueuedTurn? turn;
        lock (_gate)
        {
            if (!_queue.TryDequeue(out turn))
            {
                return;
            }
        }

        try
        {
            await turn.Work();
            turn.Done.TrySetResult();
        }
        catch (Exception exception)
        {
            turn.Done.TrySetException(exception);
            if (exception is InconsistentStateException)
            {
                // Surfacing it from the grain call makes Orleans deactivate this stale activation.
                throw;
            }
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            while (_queue.TryDequeue(out var turn))
            {
                turn.Done.TrySetException(new ObjectDisposedException(nameof(TurnInbox), "The activation deactivated."));
            }
        }
    }

    private sealed class QueuedTurn(Func<Task> work)
    {
        public Func<Task> Work { get; } = work;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
