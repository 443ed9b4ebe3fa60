namespace SyncHire.Runtime.Connections;

/// <summary>
/// A bidirectional stream of frames between a caller (the gateway) and one grain activation. In one process it
/// is a pair of channels; across processes a WebSocket to the hosting silo. Either side sees the same API.
/// </summary>
public interface IGrainConnection : IAsyncDisposable
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

/// <summary>A grain that accepts connections (the interview grain takes the candidate's media stream this way).</summary>
public interface IConnectableGrain : IGrainWithStringKey
{
}

/// <summary>Opens connections to connectable grains, wherever in the cluster they live.</summary>
public interface IGrainConnector
{
    Task<IGrainConnection> ConnectAsync<TGrain>(string key, CancellationToken cancellationToken = default)
        where TGrain : IConnectableGrain;
}
