using System.Threading.Channels;

namespace SyncHire.Grains.Candidates;

/// <summary>
/// The candidate connection: two bounded channels between the socket relay and the grain, in one process. Frames sent before a close are still delivered, as on a
/// WebSocket; a peer that falls more than <see cref="Capacity"/> frames behind makes TrySend return false.
/// </summary>
internal sealed class InProcessCandidateConnection : ICandidateConnection
{
    public const int Capacity = 2048;

    private readonly Channel<ConnectionFrame> _incoming;
    private readonly Channel<ConnectionFrame> _outgoing;
    private readonly TaskCompletionSource<ConnectionClose> _closed;

    private InProcessCandidateConnection(Channel<ConnectionFrame> incoming, Channel<ConnectionFrame> outgoing, TaskCompletionSource<ConnectionClose> closed)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _closed = closed;
    }

    /// <summary>Creates the two ends: one for the caller, one for the grain.</summary>
    public static (ICandidateConnection Caller, ICandidateConnection Grain) CreatePair()
    {
        var toGrain = NewChannel();
        var toCaller = NewChannel();
        var closed = new TaskCompletionSource<ConnectionClose>(TaskCreationOptions.RunContinuationsAsynchronously);
        return (new InProcessCandidateConnection(toCaller, toGrain, closed), new InProcessCandidateConnection(toGrain, toCaller, closed));
    }

    private static Channel<ConnectionFrame> NewChannel() => Channel.CreateBounded<ConnectionFrame>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public Task<ConnectionClose> Closed => _closed.Task;

    /// <summary>The channel's own enumerator, not a wrapper iterator: one state machine less on every frame.</summary>
    public IAsyncEnumerable<ConnectionFrame> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _incoming.Reader.ReadAllAsync(cancellationToken);

    public bool TrySend(ConnectionFrame frame) => !_closed.Task.IsCompleted && _outgoing.Writer.TryWrite(frame);

    public ValueTask CloseAsync(ConnectionClose close)
    {
        if (_closed.TrySetResult(close))
        {
            _incoming.Writer.TryComplete();
            _outgoing.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync(ConnectionClose.Normal);
}
