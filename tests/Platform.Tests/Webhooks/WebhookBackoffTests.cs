using SyncHire.Platform.Webhooks;
using Xunit;

namespace SyncHire.Platform.Tests.Webhooks;

public sealed class WebhookBackoffTests
{
    [Fact]
    public void TheWaitDoublesFromTenSecondsAndStopsGrowingAtAnHour()
    {
        var failedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000);

        var waits = new[] { 1, 2, 3, 4, 9, 10, 50, int.MaxValue }.Select(attempt => WebhookBackoff.NextAttemptAt(attempt, failedAt) - failedAt);

        Assert.Equal(new[] { 10, 20, 40, 80, 2_560, 3_600, 3_600, 3_600 }.Select(s => TimeSpan.FromSeconds(s)), waits);
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookBackoff.NextAttemptAt(0, failedAt));
    }
}
