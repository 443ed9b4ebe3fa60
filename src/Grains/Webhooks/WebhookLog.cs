using Microsoft.Extensions.Logging;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// Every log line the webhook dispatcher writes, in one place: generated, so a disabled level costs one check and the
/// arguments are neither boxed nor put in a params array.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks are off: {Setting} is not set")]
    public static partial void WebhooksOff(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks may go to loopback and private addresses ({Setting} is true): for a single developer machine, never where tenants are not trusted")]
    public static partial void PrivateNetworksAllowed(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks go only to public addresses ({Setting} is false)")]
    public static partial void PublicAddressesOnly(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook poll failed; trying again in {Interval}")]
    public static partial void PollFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} ({Event}) delivered on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string deliveryId, string @event, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {DeliveryId} ({Event}) to {Host} failed for good on attempt {Attempt}: {Failure}")]
    public static partial void FailedForGood(ILogger logger, string deliveryId, string @event, string host, int attempt, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {DeliveryId} ({Event}) to {Host} dead-lettered after {Attempts} attempts: {Failure}")]
    public static partial void DeadLettered(ILogger logger, string deliveryId, string @event, string host, int attempts, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} ({Event}) to {Host} failed on attempt {Attempt} ({Failure}); next attempt at {NextAttempt:O}")]
    public static partial void RetryScheduled(ILogger logger, string deliveryId, string @event, string host, int attempt, string failure, DateTimeOffset nextAttempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId}: the lease ran out during the attempt; another claim owns it now")]
    public static partial void LeaseLost(ILogger logger, string deliveryId);
}
