using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Providers;
using Orleans.Runtime.Placement;
using Orleans.Storage;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Events;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Interfaces.TextMode;
using SyncHire.Grains.Prompts;
using SyncHire.Providers;
using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// One interview, as a coordinator: it owns the persisted state (<see cref="InterviewStore"/>) and the Orleans surface
/// (calls, reminders, activation), and hands the work to plain collaborators, each with one job: the transitions
/// (<see cref="InterviewLifecycle"/>: start, end), the candidate's
/// connection and audio path (<see cref="CandidateChannel"/>), the provider session with its reconnects and rollover
/// (<see cref="ProviderConversation"/>; failover is the provider registry's fallback adapter), what the interviewer's events do (<see cref="InterviewerTurns"/>),
/// the clocks (<see cref="InterviewClocks"/>), the completion (<see cref="InterviewCompletion"/>), watchers
/// (<see cref="InterviewWatchers"/>) and typed answers (<see cref="TypedInterview"/>). They reach the grain only
/// through small interfaces (a turn runner, timers, a sender, the host callbacks below).
/// </summary>
/// <remarks>
/// Calls, timer ticks, reminders and the work background loops queue through <see cref="TurnInbox"/> run as turns of
/// the activation, one at a time. Two things run outside turns and read only what turns publish: live candidate
/// audio (<see cref="CandidateChannel"/>) and the watch wake-up (<see cref="InterviewWatchers"/>); each says how.
/// Placement: an interview is activated on the silo that first calls it (<see cref="PreferLocalPlacementAttribute"/>);
/// when its candidate connects through another silo, it migrates there (see <see cref="AttachCandidate"/>), so audio
/// frames never leave the process that holds the candidate's socket.
/// </remarks>
[PreferLocalPlacement]
public sealed class InterviewGrain : Grain, IInterviewGrain, IInterviewTurns, IRemindable,
    ICandidateChannelEvents, IConversationHost, IInterviewClockEvents
{
    public const string HardCapReminder = InterviewClocks.HardCapReminder;
    public const string LivenessReminder = InterviewClocks.LivenessReminder;
    public const string CompletionReminder = InterviewCompletion.Reminder;

    private readonly InterviewStore _store;
    private readonly InterviewOptions _options;
    private readonly ILogger<InterviewGrain> _logger;
    private readonly LocalCandidateConnections _parkedConnections;
    private readonly TimeProvider _time;
    private readonly TurnInbox _inbox;
    private readonly ActivationKeepAlive _keepAlive;
    private readonly IGrainTimers _timers;
    private readonly InterviewUsageMeter _usage = new();
    private readonly CandidateChannel _candidate;
    private readonly ProviderConversation _conversation;
    private readonly InterviewerTurns _interviewer;
    private readonly InterviewClocks _clocks;
    private readonly InterviewCompletion _completion;
    private readonly InterviewWatchers _watchers;
    private readonly TypedInterview _typed;
    private readonly InterviewLifecycle _lifecycle;
    private readonly CandidateProtocol _protocol;

    /// <param name="time">
    /// The grains' clock: the one Orleans drives grain timers with (its "Orleans.Grains" time provider, by default the
    /// system clock). Tests substitute a manual clock for it alone, leaving Orleans' own machinery on real time.
    /// </param>
    public InterviewGrain(
        [PersistentState("interview")] IPersistentState<InterviewCoreState> core,
        [PersistentState("progress")] IPersistentState<ConversationProgressState> progress,
        [PersistentState("completion")] IPersistentState<CompletionState> completionState,
        [PersistentState("cv")] IPersistentState<CvState> cv,
        [FromKeyedServices(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)] IGrainStorage storage,
        ProviderRegistry providers,
        IOptions<InterviewOptions> options,
        ILogger<InterviewGrain> logger,
        InterviewCompletionServices completion,
        LocalCandidateConnections parkedConnections,
        IOptions<ReminderOptions> reminderOptions,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var id = this.GetPrimaryKeyString();
        _options = options.Value;
        _logger = logger;
        _parkedConnections = parkedConnections;
        _time = time;
        var grainId = this.GetGrainId();
        _store = new InterviewStore(id, core, progress, completionState, cv, new TranscriptLog(storage, grainId),
            () => LegacyInterviewState.ReadAsync(storage, grainId));
        // One reference for the activation's life: AsReference builds a fresh proxy through the type's attributes
        // and names on every call, and every provider event and client message makes this self-call.
        var self = this.AsReference<IInterviewTurns>();
        _inbox = new TurnInbox(self.RunNextTurn);
        _keepAlive = new ActivationKeepAlive(DelayDeactivation);
        _timers = new ActivationTimers(this, reminderOptions);
        _watchers = new InterviewWatchers(() => _store.State, time);
        _candidate = new CandidateChannel(id, _inbox, _keepAlive, _usage, _options.MaxAudioFrameBytes, time, logger, _watchers.Notify) { Events = this };
        _conversation = new ProviderConversation(id, () => _store.Definition.Provider, providers.ResolveWithFallback, _options, _timers, _inbox, _usage, logger, this);
        _clocks = new InterviewClocks(_store, _timers, _candidate, time, _options, this);
        _completion = new InterviewCompletion(_store, completion, _usage, providers.DefaultName, _timers, _keepAlive, _inbox, time, logger);
        _lifecycle = new InterviewLifecycle(_store, _candidate, _conversation, _clocks, _completion, _keepAlive, time, logger);
        _interviewer = new InterviewerTurns(_store, _candidate, _conversation, _usage, time, logger, _lifecycle.EndAsync);
        _typed = new TypedInterview(_store, _candidate, _clocks, time, logger, _lifecycle);
        _protocol = new CandidateProtocol(_store, _candidate, _conversation, _typed, _usage, _options.RequireConsent, time, _lifecycle);
    }

    private string Id => _store.InterviewId;

    private InterviewState State => _store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _store.LoadAsync();
        await _completion.ResumeAsync();
        if (State.Status != InterviewStatus.InProgress)
        {
            return;
        }

        // Reactivated (after a crash, a move or idle collection): the cap counts from the persisted start.
        if (_clocks.IsCapReached)
        {
            await _lifecycle.EndAsync(EndReasons.TimeLimit);
            return;
        }

        _lifecycle.HoldActivation();
        _clocks.Resume();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        InterviewLog.Deactivating(_logger, Id, reason);
        _inbox.Close();
        _conversation.Close();
        // The candidate reconnects (1012) and resumes wherever the interview is activated next.
        await _candidate.CloseAsync(ConnectionClose.SiloGoingAway($"interview deactivating: {reason.Description}"), quietly: true);
        _lifecycle.ReleaseActivation();
        _completion.StopEvaluation();
        await _completion.RecordUsageAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task RunNextTurn() => _inbox.RunNextAsync();

    public async Task<InterviewSnapshot> Create(InterviewDefinition definition)
    {
        if (State.Exists)
        {
            throw new InvalidOperationException($"Interview {Id} already exists.");
        }

        InterviewDefinitionValidator.Validate(definition);
        _store.State = InterviewState.Create(definition, _time.GetUtcNow());
        await _store.SaveAsync();
        await _completion.UpdateIndexAsync();
        InterviewLog.Created(_logger, Id, State.Questions.Count);
        return State.ToSnapshot(Id);
    }

    /// <summary>Built from one read of the state: GetSnapshot interleaves with turns that replace it.</summary>
    public Task<InterviewSnapshot?> GetSnapshot() => Task.FromResult(State is { Exists: true } state ? state.ToSnapshot(Id) : null);

    public async Task<InterviewSnapshot> End(string reason)
    {
        if (!EndReasons.All.Contains(reason))
        {
            throw new ArgumentException($"Unknown end reason '{reason}'; expected one of {string.Join(", ", EndReasons.All)}.", nameof(reason));
        }

        _ = _store.Definition; // Throws for an interview that was never created.
        await _lifecycle.EndAsync(reason);
        return State.ToSnapshot(Id);
    }

    public async Task<InterviewSnapshot> AttachCv(string text, string fileName)
    {
        _ = _store.Definition;
        var cvText = CvAttachment.CheckedText(text);
        // The prompt is fixed when the provider session opens: a CV arriving later would never reach the interviewer.
        if (State.Status != InterviewStatus.Created)
        {
            throw new InvalidOperationException($"Interview {Id} has already started; a CV can only be attached before the start.");
        }

        _store.State = State with { CvText = cvText, CvFileName = CvAttachment.DisplayFileName(fileName) };
        await _store.SaveAsync();
        InterviewLog.CvAttached(_logger, Id, cvText.Length);
        return State.ToSnapshot(Id);
    }

    public Task<InterviewReportResult?> GetReport() => Task.FromResult(_completion.GetReport());

    public Task<InterviewWatch?> WatchChanges(InterviewWatchCursor seen, TimeSpan wait) => _watchers.WatchAsync(seen, wait);

    public Task<TextQuestion> GetTextQuestion() => _typed.GetQuestionAsync();

    public Task<TextAnswerResult> SubmitTextAnswer(string text) => _typed.SubmitAnswerAsync(text);

    /// <summary>Erasure (the platform's DELETE and the retention purge): the interview and its transcript go for good.</summary>
    public async Task Erase()
    {
        if (!State.Exists)
        {
            return;
        }

        // A live interview ends first, so the candidate is told and the session, timers and reminders are let go; but
        // without its completion: a queued interview.completed webhook (which carries the transcript) could be
        // delivered before the eraser deletes the outbox rows. Then no reminder may bring the interview back.
        await _lifecycle.EndAsync(EndReasons.Ended, complete: false);
        await _completion.AbandonAsync();
        await _clocks.UnregisterRemindersAsync();
        await _store.ClearAsync();
        InterviewLog.Erased(_logger, Id);
        DeactivateOnIdle(); // Nothing of the interview is left in memory either once this activation goes.
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (reminderName)
        {
            case CompletionReminder:
                await _completion.OnReminderAsync();
                break;
            case LivenessReminder:
                await _clocks.OnLivenessReminderAsync();
                break;
            case HardCapReminder when State.Exists && State.Status != InterviewStatus.Completed:
                await _lifecycle.EndAsync(EndReasons.TimeLimit); // Ending drops the cap and liveness reminders.
                break;
            default:
                // An ended interview's cap, or a reminder this build no longer uses: Orleans reminders repeat, so one
                // with nothing left to do is removed rather than left to fire every period.
                await _timers.UnregisterReminderAsync(reminderName);
                break;
        }
    }

    public async Task<CandidateAttachResult> AttachCandidate(string connectionId, SiloAddress gatewaySilo)
    {
        if (_parkedConnections.Take(connectionId) is not { } connection)
        {
            // The connection lives in the gateway's process, and this activation does not: move there. Calls that
            // arrive meanwhile (the gateway's next attach) are forwarded to the moved activation.
            InterviewLog.MigratingToCandidateSilo(_logger, Id, gatewaySilo);
            RequestContext.Set(IPlacementDirector.PlacementHintKey, gatewaySilo);
            MigrateOnIdle();
            return CandidateAttachResult.Moving;
        }

        if (!State.Exists)
        {
            await _protocol.RefuseAsync(connection);
            return CandidateAttachResult.NotCreated;
        }

        await _candidate.AdoptAsync(connection);
        _clocks.StopIdle();
        if (await _protocol.GreetAsync())
        {
            _candidate.StartReading(connection);
        }

        return CandidateAttachResult.Attached;
    }

    private void Send(byte[] utf8Json) => _candidate.Send(utf8Json);

    Task ICandidateChannelEvents.OnMessageAsync(ClientMessage message) => _protocol.HandleAsync(message);

    void ICandidateChannelEvents.OnReleased() => _clocks.StartIdle();

    bool IConversationHost.IsLive => State.Status == InterviewStatus.InProgress;

    RealtimeSessionOptions IConversationHost.DescribeSession() =>
        SessionSetup.Options(State, State.StartedAt is null ? TimeSpan.Zero : _clocks.CapAt - _time.GetUtcNow());

    Task IConversationHost.OnEventAsync(IRealtimeSession session, ProviderEvent providerEvent) => _interviewer.ApplyAsync(session, providerEvent);

    void IConversationHost.OnSessionChanged()
    {
        _interviewer.OnSessionChanged();
        _lifecycle.RefreshAudioRoute();
    }

    void IConversationHost.Notify(string message) => Send(ServerEvents.Notice(message, _time.GetUtcNow()));

    Task IConversationHost.OnUnreachableAsync() => _lifecycle.EndAsync(EndReasons.ProviderUnavailable);

    bool IInterviewClockEvents.IsCandidateConnected => _candidate.IsConnected;

    Task IInterviewClockEvents.OnCapReachedAsync() => _lifecycle.EndAsync(EndReasons.TimeLimit);

    Task IInterviewClockEvents.OnIdleAsync() => _lifecycle.EndAsync(EndReasons.Idle);

    Task IInterviewClockEvents.OnTimeWarningAsync(TimeSpan remaining) =>
        _conversation.UpdateInstructionsAsync(InterviewPromptBuilder.WrapUp(SessionSetup.Instructions(State), remaining));
}
