namespace SyncHire.Grains.Candidates;

/// <summary>
/// A bidirectional stream of frames between the candidate's socket (the gateway) and the interview grain, always
/// inside one process: audio never crosses a grain call or a process boundary. Either side sees the same API.
/// </summary>
public interface ICandidateConnection : IAsyncDisposable
{
    /// <summary>Frames from the other side, in order. Completes when the connection closes.</summary>
    IAsyncEnumerable<ConnectionFrame> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Queues a frame for the other side. Returns false if the connection is closed or the peer is too slow.</summary>
    bool TrySend(ConnectionFrame frame);

    /// <summary>Closes both directions; the other side's read ends and it sees <paramref name="close"/>.</summary>
    ValueTask CloseAsync(ConnectionClose close);

    /// <summary>Completes with the close (from either side) once the connection has ended.</summary>
    Task<ConnectionClose> Closed { get; }
}
