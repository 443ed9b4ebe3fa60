namespace SyncHire.Platform.Webhooks;

/// <summary>Exponential backoff between webhook attempts: 10 s, 20 s, 40 s … capped at one hour.</summary>
public static class WebhookBackoff
{
    public const int DefaultMaxAttempts = 10;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <summary>When to try again after attempt number <paramref name="attempt"/> (1-based) failed at <paramref name="failedAt"/>.</summary>
    public static DateTimeOffset NextAttemptAt(int attempt, DateTimeOffset failedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        var delay = attempt >= 20 ? Cap : TimeSpan.FromTicks(Math.Min(Cap.Ticks, First.Ticks << (attempt - 1)));
        return failedAt + delay;
    }
}
