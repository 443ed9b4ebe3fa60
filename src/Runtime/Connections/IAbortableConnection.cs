namespace SyncHire.Runtime.Connections;

/// <summary>A connection the runtime can cut without a close handshake, so the peer sees it as lost.</summary>
internal interface IAbortableConnection
{
    void Abort(string reason);
}
