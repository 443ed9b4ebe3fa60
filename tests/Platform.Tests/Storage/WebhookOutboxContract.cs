using SyncHire.Platform.Storage.Sql;
using SyncHire.Platform.Webhooks;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's WebhookOutbox behaviour, run on every engine (see the classes at the end).</summary>
public abstract class WebhookOutboxContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SilosClaimingAtOnceNeverClaimTheSameDelivery()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 20; i++)
        {
            await store.EnqueueAsync(Completed($"wh-{i:D2}", $"iv-{i:D2}"), Ct);
        }

        var claims = await RaceAsync(4, (contender, _) => contender.ClaimDueAsync(T0, Lease, limit: 20, Ct));

        var claimed = claims.SelectMany(c => c).Select(c => c.Message.Id).ToList();
        Assert.Equal(20, claimed.Count);
        Assert.Equal(20, claimed.Distinct().Count());
        Assert.All(claims.SelectMany(c => c), c => Assert.Equal(1, c.Attempt));
        Assert.Empty(await store.ClaimDueAsync(T0, Lease, 20, Ct));
    }

    [Fact]
    public async Task ADeliveryWhoseSiloDiedIsClaimedAgainAfterTheLeaseAndTheOldClaimCannotReportFailure()
    {
        var store = await NewStoreAsync();
        await store.EnqueueAsync(Completed("wh-1", "iv-1"), Ct);
        var first = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, Ct));

        Assert.Empty(await store.ClaimDueAsync(T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, Ct));
        var second = Assert.Single(await store.ClaimDueAsync(T0 + Lease, Lease, 10, Ct));

        Assert.Equal((1, 2), (first.Attempt, second.Attempt));
        Assert.Equal(T0 + Lease + Lease, second.LeaseExpiresAt);
        Assert.Equal(WebhookFailureOutcome.LeaseLost, await store.MarkFailedAsync(first, "timeout", T0.AddMinutes(5), 10, Ct));
        Assert.Equal(WebhookFailureOutcome.RetryScheduled, await store.MarkFailedAsync(second, "HTTP 503", T0.AddMinutes(5), 10, Ct));
        Assert.Equal(WebhookFailureOutcome.LeaseLost, await store.MarkFailedAsync(second, "HTTP 503 again", T0.AddMinutes(9), 10, Ct));
        var delivery = Assert.Single(await store.ListDeliveriesAsync("acme", "iv-1", Ct));
        Assert.Equal((WebhookDeliveryState.Pending, 2, T0.AddMinutes(5), "HTTP 503"), (delivery.State, delivery.Attempts, delivery.NextAttemptAt, delivery.LastError));
    }

    [Fact]
    public async Task FailedAttemptsAreRetriedWithBackoffThenDeadLettered()
    {
        var store = await NewStoreAsync();
        await store.EnqueueAsync(Completed("wh-1", "iv-1"), Ct);
        var now = T0;
        var outcomes = new List<WebhookFailureOutcome>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Empty(await store.ClaimDueAsync(now - TimeSpan.FromMilliseconds(1), Lease, 10, Ct));
            var claim = Assert.Single(await store.ClaimDueAsync(now, Lease, 10, Ct));
            Assert.Equal(attempt, claim.Attempt);
            var retryAt = WebhookBackoff.NextAttemptAt(attempt, now);
            outcomes.Add(await store.MarkFailedAsync(claim, $"HTTP 500 on attempt {attempt}: " + new string('x', 5_000), retryAt, maxAttempts: 3, Ct));
            now = retryAt;
        }

        Assert.Equal([WebhookFailureOutcome.RetryScheduled, WebhookFailureOutcome.RetryScheduled, WebhookFailureOutcome.DeadLettered], outcomes);
        Assert.Equal(T0.AddSeconds(10 + 20 + 40), now);
        Assert.Empty(await store.ClaimDueAsync(now.AddDays(365), Lease, 10, Ct));
        var dead = Assert.Single(await store.ListDeliveriesAsync("acme", "iv-1", Ct));
        Assert.Equal((WebhookDeliveryState.Failed, 3), (dead.State, dead.Attempts));
        Assert.Equal(SqlPlatformStore.MaxWebhookErrorLength, dead.LastError?.Length);
        Assert.StartsWith("HTTP 500 on attempt 3: xxx", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeliveredWebhookIsNeverClaimedAgain()
    {
        var store = await NewStoreAsync();
        var message = Completed("wh-1", "iv-1");
        await store.EnqueueAsync(message, Ct);
        var claim = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, Ct));

        Assert.True(await store.MarkDeliveredAsync("wh-1", T0.AddSeconds(2), Ct));
        Assert.False(await store.MarkDeliveredAsync("wh-1", T0.AddSeconds(3), Ct));
        Assert.Equal(WebhookFailureOutcome.LeaseLost, await store.MarkFailedAsync(claim, "late failure report", T0.AddMinutes(1), 10, Ct));

        Assert.Empty(await store.ClaimDueAsync(T0.AddDays(1), Lease, 10, Ct));
        Assert.Equal(
            new WebhookDelivery(message, WebhookDeliveryState.Delivered, 1, T0 + Lease, T0.AddSeconds(2), null),
            Assert.Single(await store.ListDeliveriesAsync("acme", "iv-1", Ct)));
    }

    [Fact]
    public async Task EnqueueingIsIdempotentByIdAndRejectsABadUrl()
    {
        var store = await NewStoreAsync();

        Assert.True(await store.EnqueueAsync(Completed("wh-1", "iv-1"), Ct));
        Assert.False(await store.EnqueueAsync(Completed("wh-1", "iv-1") with { PayloadJson = """{"changed":true}""" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.EnqueueAsync(Completed("wh-2", "iv-1") with { Url = "ftp://example.test/hook" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.EnqueueAsync(Completed("wh-3", "iv-1") with { Url = "/relative" }, Ct));

        var stored = Assert.Single(await store.ListDeliveriesAsync("acme", "iv-1", Ct));
        Assert.Equal(Completed("wh-1", "iv-1"), stored.Message);
        Assert.Equal((WebhookDeliveryState.Pending, 0, T0), (stored.State, stored.Attempts, stored.NextAttemptAt));
    }

    [Fact]
    public async Task DeliveriesAreListedAndErasedOnlyWithinTheirTenant()
    {
        var store = await NewStoreAsync();
        await store.EnqueueAsync(Completed("wh-1", "iv-1"), Ct);
        await store.EnqueueAsync(Completed("wh-2", "iv-1") with { EventType = "interview.started", CreatedAt = T0.AddSeconds(1) }, Ct);

        Assert.Empty(await store.ListDeliveriesAsync("globex", "iv-1", Ct));
        Assert.Equal(0, await store.DeleteDeliveriesAsync("globex", "iv-1", Ct));
        Assert.Equal(["wh-1", "wh-2"], (await store.ListDeliveriesAsync("acme", "iv-1", Ct)).Select(d => d.Message.Id));

        Assert.Equal(2, await store.DeleteDeliveriesAsync("acme", "iv-1", Ct));
        Assert.Empty(await store.ListDeliveriesAsync("acme", "iv-1", Ct));
        Assert.Empty(await store.ClaimDueAsync(T0.AddDays(1), Lease, 10, Ct));
    }

    private static WebhookMessage Completed(string id, string interviewId) =>
        new(id, interviewId, "acme", "https://hooks.acme.test/synchire", "interview.completed", $$"""{"interviewId":"{{interviewId}}"}""", T0);
}

public sealed class WebhookOutboxOnSqlite : WebhookOutboxContract<SqliteEngine>;

public sealed class WebhookOutboxOnPostgres : WebhookOutboxContract<PostgresEngine>;
