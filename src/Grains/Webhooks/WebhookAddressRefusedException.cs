namespace SyncHire.Grains.Webhooks;

/// <summary>
/// A webhook's host is, or resolves only to, addresses SyncHire must not connect to. Permanent: the same URL will be
/// refused on every attempt, so the delivery fails at once instead of being retried.
/// </summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
