using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>
/// interview.completed from the durable outbox to a platform's loopback endpoint: signed so the receiver can tell
/// it from a forgery or a replay, retried after a failure, and delivered by a restarted process when the first one
/// stopped mid-delivery.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "test-signing-secret-0123456789abcdef";

    private static Dictionary<string, string?> Settings(string? database = null, string requestTimeout = "00:00:05", string lease = "00:00:06")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:SigningSecret"] = Secret,
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:RequestTimeout"] = requestTimeout,
            ["Webhooks:Lease"] = lease,
            ["Webhooks:FirstRetryDelay"] = "00:00:00.200",
        };
        if (database is not null)
        {
            settings["Cluster:ConnectionString"] = $"Data Source={database}";
        }

        return settings;
    }

    [Fact]
    public async Task The_completed_interview_is_posted_signed_with_everything_a_platform_files()
    {
        using var timeout = TestTimeout.Start();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(Settings());
        using var client = host.CreateClient();
        var id = await CompletedInterview.CreateAsync(client, timeout.Token, receiver.Url);
        await CompletedInterview.TakeAsync(host, client, id, timeout.Token);

        var delivery = await receiver.NextAsync(timeout.Token);

        Assert.True(ReceiverSignatureCheck.IsValid(Secret, delivery.Signature, delivery.Body, DateTimeOffset.UtcNow));
        Assert.Equal("interview.completed", delivery.Event);
        Assert.Equal($"{id}:interview.completed", delivery.DeliveryId);
        Assert.StartsWith("application/json", delivery.ContentType);
        var payload = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("interview.completed", payload.GetProperty("event").GetString());
        Assert.Equal(id, payload.GetProperty("interviewId").GetString());
        Assert.Equal("local", payload.GetProperty("tenantId").GetString());
        Assert.Equal("Ada Lovelace", payload.GetProperty("candidate").GetProperty("name").GetString());
        Assert.Equal("Backend engineer", payload.GetProperty("job").GetProperty("title").GetString());
        Assert.Equal("Event-driven systems", payload.GetProperty("job").GetProperty("skillTopic").GetString());
        Assert.Equal("advanced", payload.GetProperty("job").GetProperty("level").GetString());
        Assert.Equal("candidate_ended", payload.GetProperty("endReason").GetString());
        Assert.True(payload.GetProperty("endedAt").GetDateTimeOffset() >= payload.GetProperty("startedAt").GetDateTimeOffset());
        Assert.True(payload.GetProperty("durationSeconds").GetDouble() > 0);
        Assert.Equal(2, payload.GetProperty("questions").GetArrayLength());
        Assert.Contains(payload.GetProperty("transcript").EnumerateArray(), t => t.GetProperty("text").GetString() == CompletedInterview.Answer);
        Assert.Equal("offline", payload.GetProperty("report").GetProperty("generatedBy").GetString());
        Assert.InRange(payload.GetProperty("report").GetProperty("overallScore").GetInt32(), 0, 100);
        Assert.Equal("cand-42", payload.GetProperty("metadata").GetProperty("candidateRef").GetString());

        // The receiver's recipe rejects what an attacker could send: another body, another secret, an old timestamp.
        var forgedBody = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivery.Body).Replace("Ada Lovelace", "Mallory"));
        Assert.False(ReceiverSignatureCheck.IsValid(Secret, delivery.Signature, forgedBody, DateTimeOffset.UtcNow));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.False(ReceiverSignatureCheck.IsValid(Secret, ReceiverSignatureCheck.Sign("not-the-secret", now, delivery.Body), delivery.Body, DateTimeOffset.UtcNow));
        Assert.False(ReceiverSignatureCheck.IsValid(Secret, delivery.Signature, delivery.Body, DateTimeOffset.UtcNow.AddMinutes(6)));
        Assert.True(ReceiverSignatureCheck.IsValid(Secret, ReceiverSignatureCheck.Sign(Secret, now, delivery.Body), delivery.Body, DateTimeOffset.UtcNow));

        var outbox = host.GetRequiredService<IWebhookOutbox>();
        var stored = Assert.Single(await Eventually(() => outbox.ListDeliveriesAsync("local", id, timeout.Token),
            list => list.Count == 1 && list[0].State == WebhookDeliveryState.Delivered, timeout.Token));
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task A_receiver_that_fails_gets_the_same_delivery_again_after_a_backoff()
    {
        using var timeout = TestTimeout.Start();
        await using var receiver = await WebhookReceiver.StartAsync((attempt, context) =>
        {
            context.Response.StatusCode = attempt == 1 ? 500 : 200;
            return Task.CompletedTask;
        });
        await using var host = await GatewayTestHost.StartAsync(Settings());
        using var client = host.CreateClient();
        var id = await CompletedInterview.CreateAsync(client, timeout.Token, receiver.Url);
        await CompletedInterview.TakeAsync(host, client, id, timeout.Token);

        var failed = await receiver.NextAsync(timeout.Token);
        var retried = await receiver.NextAsync(timeout.Token);

        Assert.Equal(failed.DeliveryId, retried.DeliveryId);
        Assert.Equal(failed.Body, retried.Body);
        Assert.True(ReceiverSignatureCheck.IsValid(Secret, retried.Signature, retried.Body, DateTimeOffset.UtcNow));
        var outbox = host.GetRequiredService<IWebhookOutbox>();
        var stored = Assert.Single(await Eventually(() => outbox.ListDeliveriesAsync("local", id, timeout.Token),
            list => list.Count == 1 && list[0].State == WebhookDeliveryState.Delivered, timeout.Token));
        Assert.Equal(2, stored.Attempts);
    }

    [Fact]
    public async Task A_delivery_cut_short_by_a_restart_is_made_by_the_next_process_once_its_lease_expires()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var database = Path.Combine(Path.GetTempPath(), $"synchire-webhook-restart-{Guid.NewGuid():N}.db");
        await using var receiver = await WebhookReceiver.StartAsync((attempt, context) =>
            attempt == 1 ? WebhookReceiver.Hang(context) : Task.CompletedTask);
        try
        {
            string id;
            var first = await GatewayTestHost.StartAsync(Settings(database));
            try
            {
                using var client = first.CreateClient();
                id = await CompletedInterview.CreateAsync(client, timeout.Token, receiver.Url);
                await CompletedInterview.TakeAsync(first, client, id, timeout.Token);
                Assert.Equal(1, (await receiver.NextAsync(timeout.Token)).Attempt); // In flight, and held open.
            }
            finally
            {
                await first.DisposeAsync(); // Stops mid-delivery: nothing is recorded, the lease stays.
            }

            await using var second = await GatewayTestHost.StartAsync(Settings(database));
            var redelivered = await receiver.NextAsync(timeout.Token);

            Assert.Equal(2, redelivered.Attempt);
            Assert.Equal($"{id}:interview.completed", redelivered.DeliveryId);
            Assert.True(ReceiverSignatureCheck.IsValid(Secret, redelivered.Signature, redelivered.Body, DateTimeOffset.UtcNow));
            var outbox = second.GetRequiredService<IWebhookOutbox>();
            var stored = Assert.Single(await Eventually(() => outbox.ListDeliveriesAsync("local", id, timeout.Token),
                list => list.Count == 1 && list[0].State == WebhookDeliveryState.Delivered, timeout.Token));
            Assert.Equal(2, stored.Attempts);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50, cancellationToken); // Polling interval; the token bounds the wait.
        }
    }
}
