using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Providers;
using SyncHire.Grains.Questions;
using SyncHire.Runtime;
using SyncHire.Runtime.Connections;

namespace SyncHire.Grains.Interview;

/// <summary>
/// One interview: its persisted state (this file), the candidate's connection (InterviewGrain.Candidate.cs), the
/// provider session (InterviewGrain.Provider.cs) and its clocks (InterviewGrain.Timers.cs). Every piece of work runs
/// as a turn of the activation, so the fields below are never touched concurrently.
/// </summary>
public sealed partial class InterviewGrain : Grain<InterviewState>, IInterviewGrain
{
    private readonly ProviderRegistry _providers;
    private readonly InterviewOptions _options;
    private readonly ILogger<InterviewGrain> _logger;
    private readonly InterviewCompletionServices _completion;

    /// <summary>Held while the interview is running so its timers and provider session are not collected as idle.</summary>
    private IDisposable? _liveKeepAlive;

    public InterviewGrain(ProviderRegistry providers, IOptions<InterviewOptions> options, ILogger<InterviewGrain> logger,
        InterviewCompletionServices completion)
    {
        _completion = completion;
        _providers = providers;
        _options = options.Value;
        _logger = logger;
    }

    private string Id => GetPrimaryKeyString();

    private InterviewDefinition Definition =>
        State.Definition ?? throw new InvalidOperationException($"Interview {Id} has not been created.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
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
        _logger.LogInformation("Interview {InterviewId} deactivating ({Reason})", Id, reason);
        CloseProviderSession();
        // The runtime closes the connection (1012: reconnect to resume) once this returns.
        _connection = null;
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
        _logger.LogInformation("Interview {InterviewId} created with {QuestionCount} questions", Id, questions.Count);
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
            await EndAsync(EndReasons.TimeLimit);
        }
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
        _logger.LogInformation("Interview {InterviewId} ended: {Reason} after {Turns} transcript turns", Id, reason, State.Transcript.Count);

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
