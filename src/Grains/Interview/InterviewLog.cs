using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Every log line the interview writes, in one place: generated, so a disabled level costs one check and the
/// arguments are neither boxed nor put in a params array.
/// </summary>
internal static partial class InterviewLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: an audio frame was lost as the provider session closed or failed ({Failure})")]
    public static partial void AudioFrameLost(ILogger logger, string interviewId, string failure);

    // Lifecycle.

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} created with {QuestionCount} questions")]
    public static partial void Created(ILogger logger, string interviewId, int questionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} started in text mode with {QuestionCount} questions")]
    public static partial void StartedInTextMode(ILogger logger, string interviewId, int questionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: CV attached ({Characters} characters)")]
    public static partial void CvAttached(ILogger logger, string interviewId, int characters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} ended: {Reason} after {Turns} transcript turns")]
    public static partial void Ended(ILogger logger, string interviewId, string reason, int turns);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} deactivating ({Reason})")]
    public static partial void Deactivating(ILogger logger, string interviewId, DeactivationReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} erased")]
    public static partial void Erased(ILogger logger, string interviewId);

    // The candidate's connection.

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: its candidate is on silo {Silo}; migrating there")]
    public static partial void MigratingToCandidateSilo(ILogger logger, string interviewId, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: a newer connection replaces the current one")]
    public static partial void ConnectionReplaced(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: reading the candidate connection stopped")]
    public static partial void CandidateReadingStopped(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: the activation is gone; nothing to detach")]
    public static partial void NothingToDetach(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: the candidate disconnected")]
    public static partial void CandidateDisconnected(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interview {InterviewId}: handling {Message} failed")]
    public static partial void CandidateMessageFailed(ILogger logger, Exception exception, string interviewId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: the candidate connection is closed or too slow; dropping it")]
    public static partial void CandidateConnectionDropped(ILogger logger, string interviewId);

    // The provider session.

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: provider {Provider} could not open a session: {Message}")]
    public static partial void ProviderSessionOpenFailed(ILogger logger, string interviewId, string provider, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: {Provider} session open (history {Turns} turns)")]
    public static partial void ProviderSessionOpened(ILogger logger, string interviewId, string provider, int turns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: the provider session failed")]
    public static partial void ProviderSessionFailed(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: stopped pumping provider events")]
    public static partial void ProviderEventPumpStopped(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: the activation is gone; nothing to end")]
    public static partial void NothingToEnd(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interview {InterviewId}: handling {Event} failed")]
    public static partial void ProviderEventFailed(ILogger logger, Exception exception, string interviewId, string @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: the provider connection goes away in {TimeLeft}")]
    public static partial void ProviderGoingAway(ILogger logger, string interviewId, TimeSpan timeLeft);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interview {InterviewId}: fatal provider error {Code}: {Message}")]
    public static partial void FatalProviderError(ILogger logger, string interviewId, string code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: provider error {Code}: {Message}")]
    public static partial void ProviderErrorReported(ILogger logger, string interviewId, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: tool {Tool} → {Result}")]
    public static partial void ToolRan(ILogger logger, string interviewId, string tool, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: provider session lost ({Reason})")]
    public static partial void ProviderSessionLost(ILogger logger, string interviewId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: disposing the provider session failed")]
    public static partial void ProviderSessionDisposeFailed(ILogger logger, Exception exception, string interviewId);

    // Reconnection, failover and rollover.

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: reconnecting to {Provider} after: {Reason}")]
    public static partial void Reconnecting(ILogger logger, string interviewId, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: reconnected to {Provider} on attempt {Attempt}")]
    public static partial void Reconnected(ILogger logger, string interviewId, string? provider, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: {Provider} could not be reached; the backup {Fallback} answered")]
    public static partial void FailingOver(ILogger logger, string interviewId, string? provider, string fallback);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interview {InterviewId}: no interviewer could be reached; ending the interview")]
    public static partial void NoInterviewerReachable(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: the provider session is due for a rollover")]
    public static partial void RolloverDue(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: rolling the provider session over")]
    public static partial void RollingOver(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: the rollover session could not open; keeping the current one")]
    public static partial void RolloverOpenFailed(ILogger logger, string interviewId);

    // Completion: report, webhook, index and usage.

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: resuming its completion (report {Report}, webhook {Webhook})")]
    public static partial void CompletionResuming(ILogger logger, string interviewId, string report, string webhook);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: the activation is gone; the completion reminder evaluates again")]
    public static partial void CompletionActivationGone(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: the evaluation model failed ({Message}); using the offline evaluator")]
    public static partial void EvaluationModelFailed(ILogger logger, string interviewId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interview {InterviewId}: the evaluator threw; using the offline evaluator")]
    public static partial void EvaluatorThrew(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId}: report stored ({Recommendation}, {Score}/100, by {GeneratedBy}{Fallback})")]
    public static partial void ReportStored(ILogger logger, string interviewId, string recommendation, int score, string generatedBy, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId} has a webhook URL but {Setting} is not set on this silo: no completion webhook is sent")]
    public static partial void WebhookSecretMissing(ILogger logger, string interviewId, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: queueing the completion webhook failed; retried by the completion reminder")]
    public static partial void CompletionWebhookQueueFailed(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: updating the interview index failed; it is written again at the next step")]
    public static partial void IndexUpdateFailed(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: recording usage failed")]
    public static partial void UsageRecordFailed(ILogger logger, Exception exception, string interviewId);
}
