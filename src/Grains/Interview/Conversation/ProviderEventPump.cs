using Microsoft.Extensions.Logging;
using Orleans.Storage;
using SyncHire.Providers;
using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Reads one provider session's events and hands each to the interview as a turn, in order; when the session ends
/// on its own (closed or failed, not cancelled), reports the loss as a turn too.
/// </summary>
/// <remarks>
/// Threads: the read loop of <see cref="RunAsync"/> runs on the thread pool, outside turns, and touches only the
/// session it was given (its event stream). Each event is then handled inside a turn (<see cref="ITurnRunner"/>):
/// the token count, whether the session is still the live one (a replaced session's late events are dropped), and
/// everything the event does.
/// </remarks>
internal sealed class ProviderEventPump(string interviewId, ITurnRunner turns, InterviewUsageMeter usage, ILogger logger)
{
    /// <param name="isLive">Inside the turn: is <paramref name="session"/> still the interview's session?</param>
    /// <param name="apply">Inside the turn: what a live session's event does.</param>
    /// <param name="lost">Inside the turn: the session ended on its own, with the reason.</param>
    public async Task RunAsync(
        IRealtimeSession session,
        CancellationToken lifetime,
        Func<IRealtimeSession, bool> isLive,
        Func<IRealtimeSession, ProviderEvent, Task> apply,
        Func<IRealtimeSession, string, Task> lost)
    {
        var reason = "the provider closed the session";
        await using var events = session.Events.GetAsyncEnumerator(lifetime);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync())
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                InterviewLog.ProviderSessionFailed(logger, exception, interviewId);
                reason = exception.Message;
                break;
            }

            var providerEvent = events.Current;
            try
            {
                await turns.RunInTurnAsync(() => HandleAsync(session, providerEvent, isLive, apply));
            }
            catch (Exception exception)
            {
                // The activation is gone (or found itself stale); a successor opens its own session.
                InterviewLog.ProviderEventPumpStopped(logger, exception, interviewId);
                return;
            }
        }

        if (lifetime.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await turns.RunInTurnAsync(() => lost(session, reason));
        }
        catch (Exception exception)
        {
            InterviewLog.NothingToEnd(logger, exception, interviewId);
        }
    }

    private async Task HandleAsync(
        IRealtimeSession session, ProviderEvent providerEvent, Func<IRealtimeSession, bool> isLive, Func<IRealtimeSession, ProviderEvent, Task> apply)
    {
        if (providerEvent is UsageReported reported)
        {
            // Counted even from a session already replaced: its tokens were spent (and billed) all the same.
            usage.CountTokens(reported.Tokens);
            return;
        }

        if (!isLive(session))
        {
            return; // A closed session's late events.
        }

        try
        {
            await apply(session, providerEvent);
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            InterviewLog.ProviderEventFailed(logger, exception, interviewId, providerEvent.GetType().Name);
        }
    }
}
