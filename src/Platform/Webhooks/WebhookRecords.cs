namespace SyncHire.Platform.Webhooks;

/// <summary>An event to POST to a tenant's URL. <see cref="Id"/> is the idempotency key: enqueueing it again is a no-op.</summary>
public sealed record WebhookMessage(
    string Id,
    string InterviewId,
    string TenantId,
    string Url,
    string EventType,
    string PayloadJson,
    DateTimeOffset CreatedAt);

/// <summary>Where a delivery stands. Stored as the lowercase name.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Waiting for its next attempt (or being attempted under a lease).</summary>
    Pending,
    /// <summary>The receiver accepted it.</summary>
    Delivered,
    /// <summary>Dead-lettered: every allowed attempt failed.</summary>
    Failed,
}

/// <summary>A delivery as the outbox holds it.</summary>
/// <param name="Attempts">Attempts started so far (a claim counts one, so a silo dying mid-attempt still counts).</param>
/// <param name="LastError">The last failure: status code or exception message, at most 1,000 characters.</param>
public sealed record WebhookDelivery(
    WebhookMessage Message,
    WebhookDeliveryState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError);

/// <summary>
/// A delivery this caller may attempt now. <see cref="LeaseToken"/> proves the claim when reporting the result; the
/// lease runs until <see cref="LeaseExpiresAt"/>, after which another silo may claim the delivery again.
/// </summary>
public sealed record WebhookClaim(WebhookMessage Message, int Attempt, string LeaseToken, DateTimeOffset LeaseExpiresAt);

/// <summary>What <see cref="IWebhookOutbox.MarkFailedAsync"/> did.</summary>
public enum WebhookFailureOutcome
{
    /// <summary>Scheduled for another attempt at the given time.</summary>
    RetryScheduled,
    /// <summary>Out of attempts: the delivery is now <see cref="WebhookDeliveryState.Failed"/>.</summary>
    DeadLettered,
    /// <summary>The lease had expired and another claim took over (or it was delivered): nothing changed.</summary>
    LeaseLost,
}
