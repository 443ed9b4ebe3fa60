using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Providers;
using SyncHire.Grains.Questions;

namespace SyncHire.Grains.Interview;

/// <summary>
/// One interview: its persisted state (this file), the candidate's connection (InterviewGrain.Candidate.cs and the
/// audio fast path in InterviewGrain.AudioPath.cs), the provider session (InterviewGrain.Provider.cs, with its
/// reconnects and failover in InterviewGrain.Resilience.cs), its clocks (InterviewGrain.Timers.cs), the completion
/// (InterviewGrain.Completion.cs), watchers (InterviewGrain.Observers.cs), typed answers (InterviewGrain.TextMode.cs),
/// the CV (InterviewGrain.Cv.cs) and erasure (InterviewGrain.Erasure.cs).
/// </summary>
/// <remarks>
/// Calls, timer ticks, reminders and the work background loops queue through <see cref="TurnInbox"/> run as turns
/// of the activation, one at a time, and the grain's fields are touched only there. Two things run outside turns and
/// read what turns publish: live candidate audio (<see cref="AudioRoute"/>, written with Volatile) and the watch
/// wake-up (a lock), both noted where they are.
/// Placement: an interview is activated on the silo that first calls it (<see cref="PreferLocalPlacementAttribute"/>);
/// when its candidate connects through another silo, it migrates there (see <see cref="AttachCandidate"/>), so audio
/// frames never leave the process that holds the candidate's socket.
/// </remarks>
[PreferLocalPlacement]
public sealed partial class InterviewGrain : Grain, IInterviewGrain, IInterviewTurns, IRemindable
{
    private readonly IPersistentState<InterviewState> _stored;
    private readonly ProviderRegistry _providers;
    private readonly InterviewOptions _options;
    private readonly ILogger<InterviewGrain> _logger;
    private readonly InterviewCompletionServices _completion;
    private readonly LocalCandidateConnections _parkedConnections;
    private readonly TurnInbox _inbox;
    private readonly ActivationKeepAlive _keepAlive;
    private readonly GrainReminders _reminders;

    /// <summary>Held while the interview is running so its timers and provider session are not collected as idle.</summary>
    private IDisposable? _liveKeepAlive;

    public InterviewGrain(
        [PersistentState("interview")] IPersistentState<InterviewState> stored,
        ProviderRegistry providers,
        IOptions<InterviewOptions> options,
        ILogger<InterviewGrain> logger,
        InterviewCompletionServices completion,
        LocalCandidateConnections parkedConnections,
        IOptions<ReminderOptions> reminderOptions,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        _stored = stored;
        _completion = completion;
        _providers = providers;
        _options = options.Value;
        _logger = logger;
        _parkedConnections = parkedConnections;
        Time = time;
        _inbox = new TurnInbox(() => this.AsReference<IInterviewTurns>().RunNextTurn());
        _keepAlive = new ActivationKeepAlive(DelayDeactivation);
        _reminders = new GrainReminders(this, reminderOptions);
    }

    /// <summary>
    /// The grains' clock: the one Orleans drives grain timers with (its "Orleans.Grains" time provider, by default the
    /// system clock). Tests substitute a manual clock for it alone, leaving Orleans' own machinery on real time.
    /// </summary>
    private TimeProvider Time { get; }

    /// <summary>The state as last read or written. Plain records: replace it with <c>State = State with { … }</c>.</summary>
    private InterviewState State
    {
        get => _stored.State;
        set => _stored.State = value;
    }

    private Task WriteStateAsync() => _stored.WriteWithRetryAsync();

    private Task ClearStateAsync() => _stored.ClearStateAsync();

    /// <summary>Runs <paramref name="work"/> as a turn of this activation, for events that arrive from outside a call.</summary>
    private Task RunInTurnAsync(Func<Task> work) => _inbox.RunAsync(work);

    public Task RunNextTurn() => _inbox.RunNextAsync();

    /// <summary>Keeps the activation from being collected as idle while the returned handle is held.</summary>
    private IDisposable KeepAlive() => _keepAlive.Hold();

    private Task RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan period) => _reminders.RegisterAsync(name, dueTime, period);

    private Task UnregisterReminder(string name) => _reminders.UnregisterAsync(name);

    private IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainBaseExtensions.RegisterGrainTimer(this, callback, dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, period);

    private string Id => this.GetPrimaryKeyString();

    private InterviewDefinition Definition =>
        State.Definition ?? throw new InvalidOperationException($"Interview {Id} has not been created.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ResumeCompletionAsync();
        if (State.Status != InterviewStatus.InProgress)
        {
            return;
        }

        // Reactivated (after a crash, a move or idle collection): the cap counts from the persisted start.
        if (Time.GetUtcNow() >= CapAt)
        {
            await EndAsync(EndReasons.TimeLimit);
            return;
        }

        _liveKeepAlive ??= KeepAlive();
        ScheduleCapTimer();
        ScheduleTimeWarning();
        StartIdleTimer();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        InterviewLog.Deactivating(_logger, Id, reason);
        _inbox.Close();
        CloseProviderSession();
        // The candidate reconnects (1012) and resumes wherever the interview is activated next.
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.CloseAsync(ConnectionClose.SiloGoingAway($"interview deactivating: {reason.Description}"));
        }

        RefreshAudioRoute();
        _connectionKeepAlive?.Dispose();
        _connectionKeepAlive = null;
        _liveKeepAlive?.Dispose();
        _liveKeepAlive = null;
        StopEvaluation();
        await RecordUsageAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<InterviewSnapshot> Create(InterviewDefinition definition)
    {
        if (State.Exists)
        {
            throw new InvalidOperationException($"Interview {Id} already exists.");
        }

        InterviewDefinitionValidator.Validate(definition);
        var questions = definition.Questions.Count > 0
            ? definition.Questions.Select(q => q.Trim()).ToList()
            : QuestionBank.Build(definition.SkillTopic ?? definition.JobTitle, definition.Level);

        State = new InterviewState
        {
            Definition = definition,
            Status = InterviewStatus.Created,
            CreatedAt = Time.GetUtcNow(),
            Questions = questions,
        };
        await WriteStateAsync();
        await UpdateIndexAsync();
        InterviewLog.Created(_logger, Id, questions.Count);
        return ToSnapshot();
    }

    public Task<InterviewSnapshot?> GetSnapshot() => Task.FromResult(State.Exists ? ToSnapshot() : null);

    public async Task<InterviewSnapshot> End(string reason)
    {
        if (!EndReasons.All.Contains(reason))
        {
            throw new ArgumentException($"Unknown end reason '{reason}'; expected one of {string.Join(", ", EndReasons.All)}.", nameof(reason));
        }

        if (!State.Exists)
        {
            throw new InvalidOperationException($"Interview {Id} has not been created.");
        }

        await EndAsync(reason);
        return ToSnapshot();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CompletionReminder)
        {
            await OnCompletionReminderAsync();
            return;
        }

        if (reminderName == LivenessReminder)
        {
            await OnLivenessReminderAsync();
            return;
        }

        if (reminderName == HardCapReminder && State.Status != InterviewStatus.Completed && State.Exists)
        {
            // Ending drops the cap and liveness reminders.
            await EndAsync(EndReasons.TimeLimit);
            return;
        }

        // The cap of an interview that already ended, or a reminder this build no longer uses: Orleans reminders
        // repeat, so one that has nothing left to do is removed rather than left to fire every period.
        await UnregisterReminder(reminderName);
    }

    /// <summary>
    /// Ends the interview once (later calls do nothing): persist the outcome first, then tell the candidate, then
    /// let go of the connection, the provider session, the timers and the reminder; then the completion starts
    /// (InterviewGrain.Completion.cs: index, usage, the evaluation off the turn, the webhook).
    /// </summary>
    /// <param name="complete">
    /// False only for an erasure: the interview is about to be destroyed, so no index update, usage, report or
    /// completion webhook may come of its end.
    /// </param>
    private async Task EndAsync(string reason, bool complete = true)
    {
        if (!State.Exists || State.Status == InterviewStatus.Completed)
        {
            return;
        }

        var wasStarted = State.StartedAt is not null;
        var now = Time.GetUtcNow();
        State = State with { Status = InterviewStatus.Completed, EndedAt = now, EndReason = reason, Closing = false };
        RefreshAudioRoute();
        await WriteStateAsync();
        InterviewLog.Ended(_logger, Id, reason, State.Transcript.Count);

        Send(ServerEvents.InterviewEnded(reason, State.Transcript.Count, now));
        if (_connection is { } connection)
        {
            ReleaseConnection();
            await connection.CloseAsync(new ConnectionClose(1000, $"interview ended: {reason}"));
        }

        CloseProviderSession();
        StopTimers();
        if (wasStarted)
        {
            await UnregisterLiveReminders();
        }

        _liveKeepAlive?.Dispose();
        _liveKeepAlive = null;
        if (complete)
        {
            await OnInterviewEndedAsync();
        }
    }

    /// <summary>Built from one read of <see cref="Grain{TState}.State"/>: GetSnapshot interleaves with turns that replace it.</summary>
    private InterviewSnapshot ToSnapshot()
    {
        var state = State;
        return new InterviewSnapshot(
            Id,
            state.Status,
            state.Definition ?? throw new InvalidOperationException($"Interview {Id} has not been created."),
            state.CreatedAt,
            state.StartedAt,
            state.EndedAt,
            state.EndReason,
            state.CurrentQuestionIndex,
            state.Questions,
            state.Transcript)
        {
            CvFileName = state.CvFileName,
            CvCharacters = state.CvText?.Length ?? 0,
            ConsentGivenAt = state.ConsentGivenAt,
        };
    }
}
