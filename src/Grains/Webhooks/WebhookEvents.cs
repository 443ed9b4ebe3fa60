namespace SyncHire.Grains.Webhooks;

/// <summary>The events platforms can receive, as named in X-Agent-Event and the payload's "event".</summary>
public static class WebhookEvents
{
    public const string InterviewCompleted = "interview.completed";

    /// <summary>The outbox id of an interview's event: stable, so enqueueing it again (after a retry or a crash) is a no-op.</summary>
    public static string DeliveryId(string interviewId, string eventType) => $"{interviewId}:{eventType}";
}
