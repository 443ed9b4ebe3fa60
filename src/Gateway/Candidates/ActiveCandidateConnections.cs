namespace SyncHire.Gateway.Candidates;

/// <summary>How many candidate WebSockets this gateway is relaying right now (reported by GET /health).</summary>
public sealed class ActiveCandidateConnections
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Opened()
    {
        Interlocked.Increment(ref _count);
        Metrics.GatewayMetrics.CandidateSockets.Add(1);
    }

    internal void Closed()
    {
        Interlocked.Decrement(ref _count);
        Metrics.GatewayMetrics.CandidateSockets.Add(-1);
    }
}
