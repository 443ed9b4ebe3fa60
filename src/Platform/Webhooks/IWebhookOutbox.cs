namespace SyncHire.Platform.Webhooks;

/// <summary>
/// A durable outbox for at-least-once webhook delivery across silos and restarts. A delivery is claimed under a
/// lease by compare-and-swap, so two silos never run the same attempt at once; a silo that dies mid-attempt leaves
/// the lease to expire and another silo retries. Receivers must therefore tolerate duplicates (the message id is
/// stable across attempts).
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Stores the message, due at once. False when a message with this id is already stored.</summary>
    Task<bool> EnqueueAsync(WebhookMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> (1–100) pending deliveries due at <paramref name="now"/>, oldest due
    /// first, each leased for <paramref name="lease"/> and counted as one attempt.
    /// </summary>
    Task<IReadOnlyList<WebhookClaim>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the receiver accepted it. Accepted even after the lease was lost (the POST did happen); false
    /// only when it was already marked delivered or does not exist.
    /// </summary>
    Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt under the claim's lease: retried at <paramref name="nextAttemptAt"/>, or dead-lettered
    /// when the attempts made have reached <paramref name="maxAttempts"/>. The error is truncated to 1,000 characters.
    /// </summary>
    Task<WebhookFailureOutcome> MarkFailedAsync(WebhookClaim claim, string error, DateTimeOffset nextAttemptAt, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>The interview's deliveries, oldest first; empty for another tenant's interview.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string interviewId, CancellationToken cancellationToken);

    /// <summary>Erases the interview's deliveries (their payloads carry the transcript). Returns how many.</summary>
    Task<int> DeleteDeliveriesAsync(string tenantId, string interviewId, CancellationToken cancellationToken);
}
