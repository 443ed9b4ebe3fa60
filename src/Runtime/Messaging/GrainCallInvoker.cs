using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Activation;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Placement;

namespace SyncHire.Runtime.Messaging;

/// <summary>
/// Delivers a grain call to the grain's single activation, wherever it is. It follows redirects from the
/// directory and retries while the owning silo is unreachable, until that silo is declared dead and the grain is
/// placed anew (bounded by <see cref="ClusterOptions.CallTimeout"/>).
/// </summary>
internal sealed class GrainCallInvoker(
    GrainLocator locator,
    RemoteSiloClient remote,
    ClusterOptions options,
    TimeProvider time,
    ILogger<GrainCallInvoker> logger,
    SiloRuntime? localSilo = null)
{
    public Task<object?> InvokeAsync(GrainId grainId, GrainMethod method, object?[] arguments, CancellationToken cancellationToken = default) =>
        RouteAsync(
            grainId,
            activation => activation.InvokeAsync(method, arguments),
            silo => remote.InvokeAsync(silo, grainId, method, arguments, cancellationToken),
            cancellationToken);

    /// <summary>
    /// The routing loop shared by calls and connections: <paramref name="local"/> runs against a local
    /// activation, <paramref name="sendRemote"/> against another silo.
    /// </summary>
    public async Task<T?> RouteAsync<T>(
        GrainId grainId,
        Func<GrainActivation, Task<T?>> local,
        Func<Storage.SiloRecord, Task<RemoteOutcome>> sendRemote,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var refresh = false;
        string? redirectTo = null;
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0 && time.GetElapsedTime(started) > options.CallTimeout)
            {
                throw new SiloUnavailableException($"No live activation of {grainId} could be reached within {options.CallTimeout}.");
            }

            var route = redirectTo is not null
                ? await locator.RouteToSiloAsync(redirectTo, refresh, cancellationToken) ?? await locator.LocateAsync(grainId, refresh, cancellationToken)
                : await locator.LocateAsync(grainId, refresh, cancellationToken);
            redirectTo = null;

            if (route.IsLocal)
            {
                try
                {
                    var result = await localSilo!.Catalog.GetOrActivateAsync(grainId, cancellationToken);
                    if (result.Activation is null)
                    {
                        redirectTo = result.Owner.SiloId;
                        continue;
                    }

                    return await local(result.Activation);
                }
                catch (ActivationGoneException)
                {
                    continue;
                }
                catch (SiloStoppingException)
                {
                    refresh = true;
                    await BackOffAsync(attempt, cancellationToken);
                    continue;
                }
            }

            var outcome = await sendRemote(route.Silo!);
            switch (outcome.Kind)
            {
                case RemoteOutcomeKind.Completed:
                    return (T?)outcome.Value;
                case RemoteOutcomeKind.Redirected:
                    redirectTo = outcome.Owner;
                    break;
                default:
                    logger.LogDebug("Silo {SiloId} unavailable for {GrainId}; retrying", route.Silo!.SiloId, grainId);
                    refresh = true;
                    await BackOffAsync(attempt, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Waits before retrying an unreachable silo; never longer than a heartbeat, when membership may change.</summary>
    private Task BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Min(50 * Math.Pow(2, Math.Min(attempt, 6)), options.HeartbeatInterval.TotalMilliseconds));
        return Task.Delay(delay, time, cancellationToken);
    }
}
