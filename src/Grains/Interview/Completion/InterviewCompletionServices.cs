using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Webhooks;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Grains.Interview;

/// <summary>
/// What the interview grain needs when an interview is created, starts and ends (<see cref="InterviewCompletion"/>):
/// the platform's index, usage ledger and webhook outbox, and the evaluators. One parameter for the grain.
/// </summary>
/// <param name="Offline">The fallback when <paramref name="Evaluator"/> fails.</param>
public sealed record InterviewCompletionServices(
    IInterviewIndex Index,
    IUsageLedger Usage,
    IWebhookOutbox Outbox,
    IInterviewEvaluator Evaluator,
    OfflineInterviewEvaluator Offline,
    WebhookOptions Webhooks,
    CompletionOptions Options);
