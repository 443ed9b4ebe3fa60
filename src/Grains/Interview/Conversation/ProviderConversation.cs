using Microsoft.Extensions.Logging;
using SyncHire.Providers;
using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Interview;

/// <summary>What the provider conversation asks of the interview; every member is called inside a turn.</summary>
internal interface IConversationHost
{
    /// <summary>The interview is in progress: a lost session is worth reconnecting.</summary>
    bool IsLive { get; }

    /// <summary>How to open a session now: instructions, brief, transcript, and the interview's voice and model.</summary>
    RealtimeSessionOptions DescribeSession();

    /// <summary>An event of the live session (not a replaced one's, not usage).</summary>
    Task OnEventAsync(IRealtimeSession session, ProviderEvent providerEvent);

    /// <summary>A session was opened or closed: the audio route and the response being tracked change with it.</summary>
    void OnSessionChanged();

    /// <summary>Tells the candidate what the interviewer's connection is doing.</summary>
    void Notify(string message);

    /// <summary>No provider could be reached, the fallback included: the interview ends.</summary>
    Task OnUnreachableAsync();
}

/// <summary>
/// The interview's conversation with its realtime provider, kept connected for the whole interview: it opens the
/// session (seeded with the transcript so far), pumps its events into turns, and when the session is lost reopens
/// it with doubling delays, and only when that keeps failing gives up (the interview ends as provider_unavailable
/// with everything persisted). Failover is not its business: with a fallback configured the provider it is given is a
/// <see cref="FallbackRealtimeProvider"/>, which tries the backup whenever the primary cannot be reached; this class
/// only tells the candidate when a backup answered. Providers that end
/// sessions on a clock (OpenAI Realtime at 60 minutes) are rolled over to a fresh session at the first quiet moment
/// before then.
/// </summary>
/// <remarks>
/// Used inside turns; each session's events arrive through a <see cref="ProviderEventPump"/>, as turns.
/// </remarks>
internal sealed class ProviderConversation(
    string interviewId,
    Func<string?> ownProvider,
    Func<string?, IRealtimeProvider> resolveProvider,
    InterviewOptions options,
    IGrainTimers timers,
    ITurnRunner turns,
    InterviewUsageMeter usage,
    ILogger logger,
    IConversationHost host)
{
    private readonly ProviderEventPump _pump = new(interviewId, turns, usage, logger);
    private CancellationTokenSource? _sessionLifetime;
    private int _reconnectAttempt;
    private IDisposable? _reconnectTimer;
    private IDisposable? _rolloverTimer;

    /// <summary>The live session, or null (not opened yet, reconnecting, or the interview is over).</summary>
    public IRealtimeSession? Session { get; private set; }

    /// <summary>Cancelled when the live session is closed: every command to it carries this.</summary>
    public CancellationToken SessionToken => _sessionLifetime?.Token ?? CancellationToken.None;

    public bool IsReconnecting => _reconnectTimer is not null;

    /// <summary>The provider's session clock ran out: swap in a fresh session at the next quiet moment.</summary>
    public bool IsRolloverDue { get; private set; }

    /// <summary>The provider the live (or last) session was opened with: the interview's own, or a backup.</summary>
    public string? ProviderName => _connectedProvider ?? ownProvider();

    private string? _connectedProvider;

    /// <summary>The live session came from a backup provider (the candidate was told).</summary>
    public bool OnBackup { get; private set; }

    /// <summary>Opens a session unless one is live or a reconnect is under way; a failure starts reconnecting.</summary>
    public async Task EnsureOpenAsync()
    {
        if (Session is null && !IsReconnecting && !await TryOpenAsync(speakFirst: true))
        {
            BeginReconnecting($"provider {ProviderName} could not open a session");
        }
    }

    /// <summary>
    /// Opens a session with the current provider, seeded with the transcript so far, and makes it the live one. With
    /// <paramref name="speakFirst"/> it asks the model to speak: the greeting for a new interview, or a short apology
    /// and the current question after a disconnect or a move. A session it replaces is closed.
    /// </summary>
    public async Task<bool> TryOpenAsync(bool speakFirst)
    {
        var provider = resolveProvider(ownProvider());
        var sessionOptions = host.DescribeSession();
        var lifetime = new CancellationTokenSource();
        IRealtimeSession session;
        try
        {
            session = await provider.ConnectAsync(sessionOptions, lifetime.Token);
        }
        catch (Exception exception)
        {
            lifetime.Dispose();
            InterviewLog.ProviderSessionOpenFailed(logger, interviewId, provider.Name, exception.Message);
            return false;
        }

        Close();
        // A fallback adapter says which provider answered; its own capabilities (e.g. session limit) then apply.
        var connected = session is FallbackRealtimeSession fallback ? (fallback.Provider, fallback.IsBackup) : (provider, false);
        NoteBackup(connected.Item1.Name, connected.Item2);
        InterviewLog.ProviderSessionOpened(logger, interviewId, connected.Item1.Name, sessionOptions.History.Count);
        Session = session;
        Metrics.SyncHireMetrics.ActiveInterviews.Add(1);
        _sessionLifetime = lifetime;
        host.OnSessionChanged();
        ScheduleRollover(connected.Item1);
        _ = Task.Run(() => _pump.RunAsync(session, lifetime.Token, s => s == Session, host.OnEventAsync, OnSessionLostAsync));
        if (speakFirst)
        {
            await session.CreateResponseAsync(lifetime.Token);
        }

        return true;
    }

    /// <summary>Gives the live session (if any) new instructions, e.g. to wrap up before the cap.</summary>
    public async Task UpdateInstructionsAsync(string instructions)
    {
        if (Session is { } session)
        {
            await session.UpdateInstructionsAsync(instructions, SessionToken);
        }
    }

    /// <summary>
    /// The session failed, closed or could not open: reconnect. Late reports about a session that was already
    /// replaced are ignored.
    /// </summary>
    public Task OnSessionLostAsync(IRealtimeSession? session, string reason)
    {
        if (session is not null && session != Session)
        {
            return Task.CompletedTask;
        }

        InterviewLog.ProviderSessionLost(logger, interviewId, reason);
        Close();
        if (host.IsLive)
        {
            BeginReconnecting(reason);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Called when the interviewer has just finished a turn and the candidate has not started: swap in a fresh
    /// session seeded with the transcript, then close the old one. If the new one cannot open, the old one keeps
    /// going and the next quiet moment tries again.
    /// </summary>
    public async Task RollOverIfDueAsync()
    {
        if (!IsRolloverDue || Session is null)
        {
            return;
        }

        InterviewLog.RollingOver(logger, interviewId);
        if (!await TryOpenAsync(speakFirst: false))
        {
            InterviewLog.RolloverOpenFailed(logger, interviewId);
        }
    }

    /// <summary>Stops listening to the session and disposes it off the turn (disposal may wait on the provider's I/O).</summary>
    public void Close()
    {
        if (Session is not { } session)
        {
            return;
        }

        var lifetime = _sessionLifetime;
        Session = null;
        Metrics.SyncHireMetrics.ActiveInterviews.Add(-1);
        _sessionLifetime = null;
        host.OnSessionChanged();
        lifetime?.Cancel();
        _ = Task.Run(async () =>
        {
            try
            {
                await session.DisposeAsync();
            }
            catch (Exception exception)
            {
                InterviewLog.ProviderSessionDisposeFailed(logger, exception, interviewId);
            }
        });
    }

    /// <summary>The interview is over: the session closes and no reconnect or rollover is pending.</summary>
    public void Stop()
    {
        Close();
        _reconnectTimer?.Dispose();
        _reconnectTimer = null;
        _rolloverTimer?.Dispose();
        _rolloverTimer = null;
    }

    /// <summary>The wait before reconnect attempt <paramref name="attempt"/> (1-based): the first delay, doubling.</summary>
    public static TimeSpan DelayBefore(int attempt, TimeSpan firstDelay) => firstDelay * Math.Pow(2, attempt - 1);

    /// <summary>Starts (or continues) the reconnect loop; each attempt runs from a one-shot timer, as its own turn.</summary>
    private void BeginReconnecting(string reason)
    {
        if (IsReconnecting)
        {
            return;
        }

        _reconnectAttempt = 1;
        InterviewLog.Reconnecting(logger, interviewId, ProviderName ?? "the default provider", reason);
        Metrics.SyncHireMetrics.ProviderReconnects.Add(1);
        host.Notify("The interviewer's connection dropped. Reconnecting…");
        ScheduleReconnectAttempt();
    }

    private void ScheduleReconnectAttempt() =>
        _reconnectTimer = timers.StartTimer(ReconnectAsync, DelayBefore(_reconnectAttempt, options.ProviderReconnectDelay));

    private async Task ReconnectAsync()
    {
        _reconnectTimer?.Dispose();
        _reconnectTimer = null;
        if (!host.IsLive || Session is not null)
        {
            return;
        }

        if (await TryOpenAsync(speakFirst: true))
        {
            InterviewLog.Reconnected(logger, interviewId, ProviderName, _reconnectAttempt);
            _reconnectAttempt = 0;
            host.Notify("Reconnected. Let's continue.");
            return;
        }

        if (++_reconnectAttempt <= options.ProviderReconnectAttempts)
        {
            ScheduleReconnectAttempt();
            return;
        }

        InterviewLog.NoInterviewerReachable(logger, interviewId);
        host.Notify("The interviewer is unavailable, so the interview has to end here. We are sorry.");
        await host.OnUnreachableAsync();
    }

    /// <summary>Tells the candidate when the interview moves to a backup provider (and logs a move back).</summary>
    private void NoteBackup(string connectedProvider, bool isBackup)
    {
        if (isBackup && !OnBackup)
        {
            InterviewLog.FailingOver(logger, interviewId, ownProvider(), connectedProvider);
            host.Notify("Switching to a backup interviewer…");
        }

        _connectedProvider = connectedProvider;
        OnBackup = isBackup;
    }

    /// <summary>For providers that end sessions on a clock: mark the session due for a rollover before then.</summary>
    private void ScheduleRollover(IRealtimeProvider provider)
    {
        _rolloverTimer?.Dispose();
        _rolloverTimer = null;
        IsRolloverDue = false;
        if (provider.Capabilities.MaxSessionDuration is { } lifetime)
        {
            _rolloverTimer = timers.StartTimer(() =>
            {
                InterviewLog.RolloverDue(logger, interviewId);
                IsRolloverDue = true;
                return Task.CompletedTask;
            }, lifetime);
        }
    }
}
