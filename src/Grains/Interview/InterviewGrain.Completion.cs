using Microsoft.Extensions.Logging;
using SyncHire.Grains.Evaluation;
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
public sealed partial class InterviewGrain
{
    public const string CompletionReminder = "completion";

    private readonly InterviewUsageMeter _usage = new();

    /// <summary>Cancels the running evaluation when the activation goes away; null when none is running.</summary>
    private CancellationTokenSource? _evaluation;
    private IDisposable? _evaluationKeepAlive;

    /// <summary>The last index write failed: the next transition (or the completion step) writes the row again.</summary>
    private bool _indexStale;

    public Task<InterviewReportResult?> GetReport()
    {
        var state = State;
        InterviewReportResult? result = !state.Exists ? null
            : state.Status != InterviewStatus.Completed ? new InterviewReportResult(ReportStatus.NotFinished, null)
            : state.Report is { } report ? new InterviewReportResult(ReportStatus.Ready, report)
            : IsEvaluated(state) ? new InterviewReportResult(ReportStatus.Pending, null)
            : new InterviewReportResult(ReportStatus.NotAvailable, null);
        return Task.FromResult(result);
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
    private bool IsCompletionOutstanding =>
        State.Exists && State.Status == InterviewStatus.Completed
        && ((IsEvaluated(State) && State.Report is null) || !State.CompletionPublished);

    /// <summary>Called at the end of EndAsync, after the outcome is persisted and the candidate told.</summary>
    private async Task OnInterviewEndedAsync()
    {
        await UpdateIndexAsync();
        await RecordUsageAsync();
        if (IsCompletionOutstanding)
        {
            await RegisterOrUpdateReminder(CompletionReminder, _completion.Options.RetryInterval, _completion.Options.RetryInterval);
            await ContinueCompletionAsync();
        }
    }

    /// <summary>On activation: an ended interview whose completion was cut short picks it up again.</summary>
    private async Task ResumeCompletionAsync()
    {
        if (IsCompletionOutstanding)
        {
            InterviewLog.CompletionResuming(_logger, Id,
                State.Report is null ? "missing" : "stored", State.CompletionPublished ? "queued" : "not queued");
            await ContinueCompletionAsync();
        }
    }

    private async Task OnCompletionReminderAsync()
    {
        if (IsCompletionOutstanding)
        {
            await ContinueCompletionAsync();
        }
        else
        {
            await UnregisterReminder(CompletionReminder);
        }
    }

    /// <summary>The next completion step: evaluate, then queue the webhook, then drop the reminder.</summary>
    private async Task ContinueCompletionAsync()
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

        if (!State.CompletionPublished && !await PublishCompletionAsync())
        {
            return; // The reminder tries again.
        }

        await UnregisterReminder(CompletionReminder);
    }

    private void StartEvaluation()
    {
        if (_evaluation is not null)
        {
            return;
        }

        var input = new EvaluationInput(Definition, State.Questions, State.Transcript, State.Answers, State.Feedback)
        {
            FollowUps = State.FollowUps,
            EndReason = State.EndReason,
            Duration = State.EndedAt - State.StartedAt,
        };
        _evaluation = new CancellationTokenSource();
        _evaluationKeepAlive = KeepAlive();
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
            await RunInTurnAsync(() => StoreReportAsync(report));
        }
        catch (Exception exception)
        {
            InterviewLog.CompletionActivationGone(_logger, exception, Id);
        }
    }

    /// <summary>The configured evaluator's report, or the offline one (marked as a fallback) when it fails.</summary>
    private async Task<InterviewReportSnapshot> EvaluateAsync(EvaluationInput input, CancellationToken cancellation)
    {
        try
        {
            // The evaluation model's tokens are the interview's too: counted into its meter, recorded with the report.
            return ToReportSnapshot(await _completion.Evaluator.EvaluateAsync(input, _usage, cancellation), fallback: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            if (exception is EvaluationFailedException)
            {
                InterviewLog.EvaluationModelFailed(_logger, Id, exception.Message);
            }
            else
            {
                InterviewLog.EvaluatorThrew(_logger, exception, Id);
            }

            return ToReportSnapshot(_completion.Offline.Evaluate(input), fallback: true);
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
            State = State with { Report = report };
            await WriteStateAsync();
            InterviewLog.ReportStored(_logger,
                Id, report.Recommendation, report.OverallScore, report.GeneratedBy, report.Fallback ? " as a fallback" : "");
        }

        await RecordUsageAsync(); // The evaluation's tokens, counted after the interview's end was recorded.

        await ContinueCompletionAsync();
    }

    private void StopEvaluation()
    {
        _evaluation?.Cancel();
        _evaluation?.Dispose();
        _evaluation = null;
        _evaluationKeepAlive?.Dispose();
        _evaluationKeepAlive = null;
    }

    /// <summary>Queues interview.completed (idempotently: the delivery id is the interview's). False to try again later.</summary>
    private async Task<bool> PublishCompletionAsync()
    {
        var url = Definition.WebhookUrl;
        if (url is not null && !_completion.Webhooks.Enabled)
        {
            InterviewLog.WebhookSecretMissing(_logger,
                Id, $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.SigningSecret)}");
        }
        else if (url is not null && TenantOf() is { } tenant)
        {
            var payload = InterviewCompletedPayload.From(Id, tenant, State).ToJson();
            var message = new WebhookMessage(WebhookEvents.DeliveryId(Id, WebhookEvents.InterviewCompleted), Id, tenant, url,
                WebhookEvents.InterviewCompleted, payload, Time.GetUtcNow());
            try
            {
                await _completion.Outbox.EnqueueAsync(message, CancellationToken.None);
            }
            catch (Exception exception)
            {
                InterviewLog.CompletionWebhookQueueFailed(_logger, exception, Id);
                return false;
            }
        }

        State = State with { CompletionPublished = true };
        await WriteStateAsync();
        return true;
    }

    /// <summary>Upserts the interview's index row; a failure is logged and the row rewritten at the next step.</summary>
    private async Task UpdateIndexAsync()
    {
        if (TenantOf() is not { } tenant)
        {
            return;
        }

        var state = State;
        var definition = Definition;
        // The index requires both texts; an interview created with only one of them lists it in both columns.
        var entry = new InterviewIndexEntry(Id, tenant, ServerEvents.StatusName(state.Status), definition.CandidateName,
            definition.JobTitle ?? definition.Role, definition.SkillTopic ?? definition.Role, definition.Level.ToString().ToLowerInvariant(),
            definition.Provider ?? _providers.DefaultName, state.CreatedAt, state.StartedAt, state.EndedAt, state.EndReason);
        try
        {
            await _completion.Index.UpsertInterviewAsync(entry, CancellationToken.None);
            _indexStale = false;
        }
        catch (Exception exception)
        {
            _indexStale = true;
            InterviewLog.IndexUpdateFailed(_logger, exception, Id);
        }
    }

    /// <summary>Moves the counted usage into the ledger (at the end, and when a long interview deactivates).</summary>
    private async Task RecordUsageAsync()
    {
        if (_usage.IsEmpty || TenantOf() is not { } tenant)
        {
            return;
        }

        try
        {
            await _completion.Usage.RecordUsageAsync(_usage.ToRecords(Id, tenant, Time.GetUtcNow()), CancellationToken.None);
            _usage.Reset();
        }
        catch (Exception exception)
        {
            // Kept in memory: the next flush of this activation records it with what follows.
            InterviewLog.UsageRecordFailed(_logger, exception, Id);
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
