using Microsoft.Extensions.Logging;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Usage;
using SyncHire.Providers;
using SyncHire.Grains.Webhooks;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Tenants;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Grains.Interview;

/// <summary>
/// What the platform gets from an interview: its row in the interview index (written on create, start and end),
/// its usage in the ledger, and — once it ends — the evaluation report and the interview.completed webhook.
/// The evaluation runs off the turn (a model may take seconds) and writes its result back as a turn; a durable
/// "completion" reminder, held from the end until the report is stored and the webhook queued, brings the grain
/// back on another silo if this one dies in between. None of this can fail the interview itself.
/// </summary>
/// <remarks>
/// Used inside turns, except the evaluation itself, which runs on the thread pool with its own input (a snapshot
/// of the state) and comes back through <see cref="ITurnRunner"/>; the usage meter it counts into is thread-safe.
/// </remarks>
internal sealed class InterviewCompletion(
    InterviewStore store,
    InterviewCompletionServices services,
    InterviewUsageMeter usage,
    string defaultProvider,
    IGrainTimers timers,
    ActivationKeepAlive keepAlive,
    ITurnRunner turns,
    TimeProvider time,
    ILogger logger)
{
    public const string Reminder = "completion";

    /// <summary>Cancels the running evaluation when the activation goes away; null when none is running.</summary>
    private CancellationTokenSource? _evaluation;
    private IDisposable? _evaluationKeepAlive;

    /// <summary>The last index write failed: the next transition (or the completion step) writes the row again.</summary>
    private bool _indexStale;

    private string Id => store.InterviewId;

    private InterviewState State => store.State;

    public InterviewReportResult? GetReport()
    {
        var state = State;
        return !state.Exists ? null
            : state.Status != InterviewStatus.Completed ? new InterviewReportResult(ReportStatus.NotFinished, null)
            : state.Report is { } report ? new InterviewReportResult(ReportStatus.Ready, report)
            : IsEvaluated(state) ? new InterviewReportResult(ReportStatus.Pending, null)
            : new InterviewReportResult(ReportStatus.NotAvailable, null);
    }

    /// <summary>
    /// Whether an ended interview gets a report: one that ran to its end (closed by the interviewer, ended by the
    /// candidate, or capped), or that ended any other way after the candidate had said something to evaluate.
    /// </summary>
    private static bool IsEvaluated(InterviewState state) =>
        state.StartedAt is not null
        && (state.EndReason is EndReasons.Completed or EndReasons.CandidateEnded or EndReasons.TimeLimit
            || state.Transcript.Any(turn => turn.Speaker == Speakers.Candidate));

    /// <summary>An ended interview still owes its report or its webhook.</summary>
    private bool IsOutstanding =>
        State.Exists && State.Status == InterviewStatus.Completed
        && ((IsEvaluated(State) && State.Report is null) || !State.CompletionPublished);

    /// <summary>The interview ended (its outcome persisted, the candidate told): index, usage, then report and webhook.</summary>
    public async Task OnEndedAsync()
    {
        await UpdateIndexAsync();
        await RecordUsageAsync();
        if (IsOutstanding)
        {
            await timers.RegisterReminderAsync(Reminder, services.Options.RetryInterval, services.Options.RetryInterval);
            await ContinueAsync();
        }
    }

    /// <summary>On activation: an ended interview whose completion was cut short picks it up again.</summary>
    public async Task ResumeAsync()
    {
        if (IsOutstanding)
        {
            InterviewLog.CompletionResuming(logger, Id,
                State.Report is null ? "missing" : "stored", State.CompletionPublished ? "queued" : "not queued");
            await ContinueAsync();
        }
    }

    public async Task OnReminderAsync()
    {
        if (IsOutstanding)
        {
            await ContinueAsync();
        }
        else
        {
            await timers.UnregisterReminderAsync(Reminder);
        }
    }

    /// <summary>Erasure: no report or webhook may come of this interview any more.</summary>
    public async Task AbandonAsync()
    {
        StopEvaluation();
        await timers.UnregisterReminderAsync(Reminder);
    }

    /// <summary>The next completion step: evaluate, then queue the webhook, then drop the reminder.</summary>
    private async Task ContinueAsync()
    {
        if (_indexStale)
        {
            await UpdateIndexAsync();
        }

        if (IsEvaluated(State) && State.Report is null)
        {
            StartEvaluation(); // Continues here, as a turn, when the report is stored.
            return;
        }

        if (!State.CompletionPublished && !await PublishAsync())
        {
            return; // The reminder tries again.
        }

        await timers.UnregisterReminderAsync(Reminder);
    }

    private void StartEvaluation()
    {
        if (_evaluation is not null)
        {
            return;
        }

        var state = State;
        var input = new EvaluationInput(store.Definition, state.Questions, state.Transcript, state.Answers, state.Feedback)
        {
            FollowUps = state.FollowUps,
            EndReason = state.EndReason,
            Duration = state.EndedAt - state.StartedAt,
        };
        _evaluation = new CancellationTokenSource();
        _evaluationKeepAlive = keepAlive.Hold();
        var cancellation = _evaluation.Token;
        _ = Task.Run(() => EvaluateOffTurnAsync(input, cancellation));
    }

    private async Task EvaluateOffTurnAsync(EvaluationInput input, CancellationToken cancellation)
    {
        InterviewReportSnapshot report;
        try
        {
            report = await EvaluateAsync(input, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return; // The activation is going away; the completion reminder evaluates again wherever it returns.
        }

        try
        {
            await turns.RunInTurnAsync(() => StoreReportAsync(report));
        }
        catch (Exception exception)
        {
            InterviewLog.CompletionActivationGone(logger, exception, Id);
        }
    }

    /// <summary>The configured evaluator's report, or the offline one (marked as a fallback) when it fails.</summary>
    private async Task<InterviewReportSnapshot> EvaluateAsync(EvaluationInput input, CancellationToken cancellation)
    {
        try
        {
            // The evaluation model's tokens are the interview's too: counted into its meter, recorded with the report.
            return ToReportSnapshot(await services.Evaluator.EvaluateAsync(input, usage, cancellation), fallback: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            if (exception is EvaluationFailedException)
            {
                InterviewLog.EvaluationModelFailed(logger, Id, exception.Message);
            }
            else
            {
                InterviewLog.EvaluatorThrew(logger, exception, Id);
            }

            return ToReportSnapshot(services.Offline.Evaluate(input), fallback: true);
        }
    }

    private async Task StoreReportAsync(InterviewReportSnapshot report)
    {
        StopEvaluation();
        if (!State.Exists)
        {
            return; // Erased while it was being evaluated.
        }

        if (State.Report is null)
        {
            store.State = State with { Report = report };
            await store.SaveAsync();
            InterviewLog.ReportStored(logger,
                Id, report.Recommendation, report.OverallScore, report.GeneratedBy, report.Fallback ? " as a fallback" : "");
        }

        await RecordUsageAsync(); // The evaluation's tokens, counted after the interview's end was recorded.

        await ContinueAsync();
    }

    /// <summary>Cancels a running evaluation (the activation is going away or the interview is erased).</summary>
    public void StopEvaluation()
    {
        _evaluation?.Cancel();
        _evaluation?.Dispose();
        _evaluation = null;
        _evaluationKeepAlive?.Dispose();
        _evaluationKeepAlive = null;
    }

    /// <summary>Queues interview.completed (idempotently: the delivery id is the interview's). False to try again later.</summary>
    private async Task<bool> PublishAsync()
    {
        var url = store.Definition.WebhookUrl;
        if (url is not null && !services.Webhooks.Enabled)
        {
            InterviewLog.WebhookSecretMissing(logger,
                Id, $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.SigningSecret)}");
        }
        else if (url is not null && TenantOf() is { } tenant)
        {
            var payload = InterviewCompletedPayload.From(Id, tenant, State).ToJson();
            var message = new WebhookMessage(WebhookEvents.DeliveryId(Id, WebhookEvents.InterviewCompleted), Id, tenant, url,
                WebhookEvents.InterviewCompleted, payload, time.GetUtcNow());
            try
            {
                await services.Outbox.EnqueueAsync(message, CancellationToken.None);
            }
            catch (Exception exception)
            {
                InterviewLog.CompletionWebhookQueueFailed(logger, exception, Id);
                return false;
            }
        }

        store.State = State with { CompletionPublished = true };
        await store.SaveAsync();
        return true;
    }

    /// <summary>Upserts the interview's index row; a failure is logged and the row rewritten at the next step.</summary>
    public async Task UpdateIndexAsync()
    {
        if (TenantOf() is not { } tenant)
        {
            return;
        }

        var state = State;
        var definition = store.Definition;
        // The index requires both texts; an interview created with only one of them lists it in both columns.
        var entry = new InterviewIndexEntry(Id, tenant, ServerEvents.StatusName(state.Status), definition.CandidateName,
            definition.JobTitle ?? definition.Role, definition.SkillTopic ?? definition.Role, definition.Level.ToString().ToLowerInvariant(),
            definition.Provider ?? defaultProvider, state.CreatedAt, state.StartedAt, state.EndedAt, state.EndReason);
        try
        {
            await services.Index.UpsertInterviewAsync(entry, CancellationToken.None);
            _indexStale = false;
        }
        catch (Exception exception)
        {
            _indexStale = true;
            InterviewLog.IndexUpdateFailed(logger, exception, Id);
        }
    }

    /// <summary>Moves the counted usage into the ledger (at the end, and when a long interview deactivates).</summary>
    public async Task RecordUsageAsync()
    {
        if (usage.IsEmpty || TenantOf() is not { } tenant)
        {
            return;
        }

        try
        {
            await services.Usage.RecordUsageAsync(usage.ToRecords(Id, tenant, time.GetUtcNow()), CancellationToken.None);
            usage.Reset();
        }
        catch (Exception exception)
        {
            // Kept in memory: the next flush of this activation records it with what follows.
            InterviewLog.UsageRecordFailed(logger, exception, Id);
        }
    }

    /// <summary>The interview's tenant; null (nothing indexed or sent) for an interview created without a valid one.</summary>
    private string? TenantOf() => TenantIds.IsValid(State.Definition?.TenantId) ? State.Definition!.TenantId : null;

    private static InterviewReportSnapshot ToReportSnapshot(InterviewReport report, bool fallback) => new(
        report.OverallImpression,
        report.Strengths,
        report.Concerns,
        new ReportScore(report.TechnicalDepth.Score, report.TechnicalDepth.Justification),
        new ReportScore(report.Communication.Score, report.Communication.Justification),
        report.Recommendation,
        report.OverallScore,
        report.Improvements,
        report.GeneratedBy,
        report.GeneratedAt,
        fallback);
}
