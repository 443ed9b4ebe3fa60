using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SyncHire.Grains.Candidates;

/// <summary>
/// The candidate connection: two bounded channels between the socket relay and the grain, in one process. Frames sent before a close are still delivered, as on a
/// WebSocket; a peer that falls more than <see cref="Capacity"/> frames behind makes TrySend return false. Live audio
/// may skip the channel through the reader's shortcut (see <see cref="ICandidateConnection.TrySendAudioAsync"/>).
/// </summary>
internal sealed class InProcessCandidateConnection : ICandidateConnection
{
    public const int Capacity = 2048;

    private readonly Direction _incoming;
    private readonly Direction _outgoing;
    private readonly TaskCompletionSource<ConnectionClose> _closed;

    private InProcessCandidateConnection(Direction incoming, Direction outgoing, TaskCompletionSource<ConnectionClose> closed)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _closed = closed;
    }

    /// <summary>Creates the two ends: one for the caller, one for the grain.</summary>
    public static (ICandidateConnection Caller, ICandidateConnection Grain) CreatePair()
    {
        var toGrain = new Direction();
        var toCaller = new Direction();
        var closed = new TaskCompletionSource<ConnectionClose>(TaskCreationOptions.RunContinuationsAsynchronously);
        return (new InProcessCandidateConnection(toCaller, toGrain, closed), new InProcessCandidateConnection(toGrain, toCaller, closed));
    }

    public Task<ConnectionClose> Closed => _closed.Task;

    public async IAsyncEnumerable<ConnectionFrame> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _incoming.Frames.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var frame))
            {
                yield return frame;
                // Resumed: the reader has handled the frame, so audio may skip the queue again once none is left.
                Interlocked.Decrement(ref _incoming.Unhandled);
            }
        }
    }

    public bool TrySend(ConnectionFrame frame)
    {
        if (_closed.Task.IsCompleted)
        {
            return false;
        }

        Interlocked.Increment(ref _outgoing.Unhandled);
        if (_outgoing.Frames.Writer.TryWrite(frame))
        {
            return true;
        }

        Interlocked.Decrement(ref _outgoing.Unhandled);
        return false;
    }

    public ValueTask<bool> TrySendAudioAsync(ReadOnlyMemory<byte> pcm) =>
        Volatile.Read(ref _outgoing.Shortcut) is { } shortcut && Volatile.Read(ref _outgoing.Unhandled) == 0 && !_closed.Task.IsCompleted
            ? shortcut(pcm)
            : ValueTask.FromResult(false);

    public void OpenAudioShortcut(AudioShortcut shortcut) => Volatile.Write(ref _incoming.Shortcut, shortcut);

    public ValueTask CloseAsync(ConnectionClose close)
    {
        if (_closed.TrySetResult(close))
        {
            _incoming.Frames.Writer.TryComplete();
            _outgoing.Frames.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync(ConnectionClose.Normal);

    /// <summary>One way of the connection: its queue, how many queued frames are not yet handled, and the shortcut.</summary>
    private sealed class Direction
    {
        public readonly Channel<ConnectionFrame> Frames = Channel.CreateBounded<ConnectionFrame>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public int Unhandled;
        public AudioShortcut? Shortcut;
    }
}
