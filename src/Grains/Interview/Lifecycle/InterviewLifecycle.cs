using Microsoft.Extensions.Logging;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview's transitions: Created → InProgress (persist the start, go live, open the interviewer) and
/// InProgress → Completed (persist the outcome, tell the candidate, let go of everything, start the completion).
/// It also holds the activation alive while the interview runs, so its timers and provider session are not
/// collected as idle.
/// </summary>
/// <remarks>Used inside turns only.</remarks>
internal sealed class InterviewLifecycle(
    InterviewStore store,
    CandidateChannel candidate,
    ProviderConversation conversation,
    InterviewClocks clocks,
    InterviewCompletion completion,
    ActivationKeepAlive keepAlive,
    TimeProvider time,
    ILogger logger) : IInterviewLifecycle
{
    private IDisposable? _liveKeepAlive;

    private InterviewState State => store.State;

    /// <summary>Created → InProgress. The start (with the consent that covers the recording) is persisted first, so the cap survives any crash.</summary>
    public async Task BeginAsync(bool consent, DateTimeOffset now)
    {
        store.State = State with { Status = InterviewStatus.InProgress, StartedAt = now, ConsentGivenAt = consent ? now : null };
        await store.SaveAsync();
        await GoLiveAsync(now);
        await EnsureInterviewerAsync();
    }

    /// <summary>The interview's start is persisted: index it, keep the activation, start the cap and the warning.</summary>
    public async Task GoLiveAsync(DateTimeOffset now)
    {
        await completion.UpdateIndexAsync();
        HoldActivation();
        await clocks.StartAsync(now);
    }

    /// <summary>A typed interview has no interviewer session: it asks its questions itself.</summary>
    public Task EnsureInterviewerAsync() => State.TextMode ? Task.CompletedTask : conversation.EnsureOpenAsync();

    public Task EndAsync(string reason) => EndAsync(reason, complete: true);

    /// <summary>
    /// Ends the interview once (later calls do nothing): persist the outcome first, then tell the candidate, then let
    /// go of the connection, the provider session, the clocks and the reminders; then the completion starts. With
    /// <paramref name="complete"/> false (an erasure) no index update, usage, report or webhook comes of it.
    /// </summary>
    public async Task EndAsync(string reason, bool complete)
    {
        if (!State.Exists || State.Status == InterviewStatus.Completed)
        {
            return;
        }

        var wasStarted = State.StartedAt is not null;
        var now = time.GetUtcNow();
        store.State = State with { Status = InterviewStatus.Completed, EndedAt = now, EndReason = reason, Closing = false };
        RefreshAudioRoute();
        await store.SaveAsync();
        InterviewLog.Ended(logger, store.InterviewId, reason, State.Transcript.Count);
        candidate.Send(ServerEvents.InterviewEnded(reason, State.Transcript.Count, now));
        await candidate.CloseAsync(new ConnectionClose(1000, $"interview ended: {reason}"));
        conversation.Stop();
        await clocks.StopAsync(wasStarted);
        ReleaseActivation();
        if (complete)
        {
            await completion.OnEndedAsync();
        }
    }

    /// <summary>
    /// Publishes where live audio goes: the provider session while the interview is in progress and not reconnecting,
    /// otherwise nowhere (frames then take the queued path). Called whenever the session or the status changes.
    /// </summary>
    public void RefreshAudioRoute() => candidate.RouteAudioTo(
        State.Status == InterviewStatus.InProgress && conversation.Session is { } session && !conversation.IsReconnecting
            ? new AudioTarget(session, conversation.SessionToken)
            : null);

    /// <summary>Keeps the activation from being collected as idle while the interview is live.</summary>
    public void HoldActivation() => _liveKeepAlive ??= keepAlive.Hold();

    public void ReleaseActivation()
    {
        _liveKeepAlive?.Dispose();
        _liveKeepAlive = null;
    }
}
