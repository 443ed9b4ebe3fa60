using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SyncHire.Providers;

/// <summary>
/// Failover as a provider (livekit's RealtimeFallbackAdapter, in our terms): an ordered list of providers behind the
/// same <see cref="IRealtimeProvider"/> interface. <see cref="ConnectAsync"/> tries the primary, then each backup in
/// turn, and says which one it reached, so the caller can tell the candidate it switched to a backup interviewer.
/// Each connect starts again from the primary: a provider that was down a minute ago may be back.
/// </summary>
public sealed class FallbackRealtimeProvider : IRealtimeProvider
{
    private readonly ILogger _logger;

    /// <param name="providers">The primary first, then the backups in the order they are tried.</param>
    public FallbackRealtimeProvider(IReadOnlyList<IRealtimeProvider> providers, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Count == 0)
        {
            throw new ArgumentException("A fallback adapter needs at least one provider.", nameof(providers));
        }

        Providers = [.. providers];
        Capabilities = RealtimeCapabilities.Conservative(providers.Select(p => p.Capabilities));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The primary first, then the backups.</summary>
    public IReadOnlyList<IRealtimeProvider> Providers { get; }

    /// <summary>The primary's name: the adapter stands for the provider the interview asked for.</summary>
    public string Name => Providers[0].Name;

    /// <summary>Whether any of them can run here.</summary>
    public bool IsConfigured => Providers.Any(p => p.IsConfigured);

    /// <summary>
    /// What holds whichever provider connects (<see cref="RealtimeCapabilities.Conservative"/>). The connected one's
    /// own, possibly better, capabilities are on <see cref="FallbackRealtimeSession.Capabilities"/>.
    /// </summary>
    public RealtimeCapabilities Capabilities { get; }

    /// <summary>
    /// Connects to the first provider, in order, that is configured and accepts the connection. Backups are opened
    /// without the interview's voice and model: those name the primary's voices and models, which another provider
    /// does not have, so a backup uses its own configured defaults.
    /// </summary>
    /// <exception cref="AggregateException">No provider could be connected; one inner exception per attempt.</exception>
    public async Task<FallbackRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<Exception>();
        for (var index = 0; index < Providers.Count; index++)
        {
            var provider = Providers[index];
            if (!provider.IsConfigured)
            {
                ProviderCoreLog.Skipped(_logger, provider.Name);
                continue;
            }

            try
            {
                var attempt = index == 0 ? options : options with { Voice = null, Model = null };
                var session = await provider.ConnectAsync(attempt, cancellationToken).ConfigureAwait(false);
                return new FallbackRealtimeSession(session, provider, isBackup: index > 0);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A provider's own timeout (an OperationCanceledException not from our token) counts as a failure too.
                failures.Add(e);
                ProviderCoreLog.ConnectFailed(_logger, e, provider.Name,
                    index + 1 < Providers.Count ? Providers[index + 1].Name : "no other provider");
            }
        }

        throw new AggregateException(
            $"No realtime provider could be connected (tried {string.Join(", ", Providers.Select(p => p.Name))}).", failures);
    }

    async Task<IRealtimeSession> IRealtimeProvider.ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken) =>
        await ConnectAsync(options, cancellationToken).ConfigureAwait(false);
}
