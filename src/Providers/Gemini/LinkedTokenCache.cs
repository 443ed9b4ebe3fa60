namespace SyncHire.Providers.Gemini;

/// <summary>
/// A caller's token linked with a connection's lifetime, made once per caller token rather than once per message:
/// the session's reader and sender pass the same token for the connection's whole life, and a linked source per
/// 20 ms frame cost more than the frame. Not thread-safe: each user keeps its own (the receive side has one reader,
/// the send side uses it under its send lock).
/// </summary>
internal sealed class LinkedTokenCache(CancellationToken lifetime) : IDisposable
{
    private CancellationTokenSource? _link;
    private CancellationToken _linkedTo;

    public CancellationToken For(CancellationToken caller)
    {
        if (_link is null || _linkedTo != caller)
        {
            _link?.Dispose();
            _link = CancellationTokenSource.CreateLinkedTokenSource(caller, lifetime);
            _linkedTo = caller;
        }

        return _link.Token;
    }

    public void Dispose() => _link?.Dispose();
}
