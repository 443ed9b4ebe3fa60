namespace SyncHire.Grains.Interview;

/// <summary>
/// Which provider the interview talks to: its own, or — once its own could not be reached after every reconnect —
/// the configured fallback, once. This is the whole of the grain's failover: a fallback provider adapter (one that
/// implements <c>IRealtimeProvider</c> over a primary and a fallback) can replace it by answering for both.
/// </summary>
internal sealed class ProviderFailover(string? fallbackProvider)
{
    private string? _fallbackInUse;

    /// <summary>The interview runs on the fallback now: the interview's own voice and model names no longer apply.</summary>
    public bool FailedOver => _fallbackInUse is not null;

    /// <summary>The provider to ask for: the interview's own (<paramref name="ownProvider"/>, null for the default) or the fallback.</summary>
    public string? ProviderFor(string? ownProvider) => _fallbackInUse ?? ownProvider;

    /// <summary>
    /// Switches to the fallback if there is one, it was not used yet and it is not the provider that just failed
    /// (<paramref name="failedProvider"/>, as resolved); false: nowhere left to go.
    /// </summary>
    public bool TryFailOver(string failedProvider, out string fallback)
    {
        fallback = fallbackProvider ?? "";
        if (FailedOver || fallbackProvider is null || string.Equals(fallbackProvider, failedProvider, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        _fallbackInUse = fallbackProvider;
        return true;
    }
}
