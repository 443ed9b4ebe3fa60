using System.Data.Common;
using SyncHire.Platform.Tenants;
using SyncHire.Platform.Webhooks;

using static SyncHire.Platform.Storage.Sql.SqlValues;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>The webhook outbox (platform_webhook_deliveries): deliveries queued by interviews, claimed under a lease by any silo, retried and dead-lettered.</summary>
internal sealed class SqlWebhookOutbox(SqlDialect dialect) : IWebhookOutbox
{
    public const int MaxErrorLength = 1000;

    private const int MaxClaimBatch = 100;
    private const string Pending = "pending";
    private const string Delivered = "delivered";
    private const string Failed = "failed";

    private const string MessageColumns = "delivery_id, interview_id, tenant_id, url, event_type, payload_json, created_at_ms";
    private const string DeliveryColumns = MessageColumns + ", state, attempts, next_attempt_at_ms, delivered_at_ms, last_error";

    public async Task<bool> EnqueueAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireText(message.Id, MaxIdLength, nameof(message.Id));
        RequireText(message.InterviewId, MaxIdLength, nameof(message.InterviewId));
        TenantIds.Require(message.TenantId, nameof(message.TenantId));
        RequireText(message.EventType, 64, nameof(message.EventType));
        ArgumentNullException.ThrowIfNull(message.PayloadJson);
        if (!Uri.TryCreate(message.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(message));
        }

        var inserted = await dialect.ExecuteAsync(
            $"""
            INSERT INTO platform_webhook_deliveries ({MessageColumns}, state, attempts, next_attempt_at_ms, lease_token)
            VALUES (@id, @interview, @tenant, @url, @event, @payload, @created, @pending, 0, @created, @lease)
            ON CONFLICT (delivery_id) DO NOTHING
            """,
            command =>
            {
                command.AddParameter("id", message.Id);
                command.AddParameter("interview", message.InterviewId);
                command.AddParameter("tenant", message.TenantId);
                command.AddParameter("url", message.Url);
                command.AddParameter("event", message.EventType);
                command.AddParameter("payload", message.PayloadJson);
                command.AddParameter("created", ToMs(message.CreatedAt));
                command.AddParameter("pending", Pending);
                command.AddParameter("lease", NewId());
            },
            cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<WebhookClaim>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxClaimBatch);

        var nowMs = ToMs(now);
        var candidates = await dialect.ReadAsync(
            """
            SELECT delivery_id, lease_token FROM platform_webhook_deliveries
            WHERE state = @pending AND next_attempt_at_ms <= @now
            ORDER BY next_attempt_at_ms, delivery_id LIMIT @limit
            """,
            command =>
            {
                command.AddParameter("pending", Pending);
                command.AddParameter("now", nowMs);
                command.AddParameter("limit", limit);
            },
            reader => (Id: reader.GetString(0), LeaseToken: reader.GetString(1)),
            cancellationToken);

        // Each claim is a compare-and-swap on the token read above: of silos racing for one delivery, the first
        // update changes the token and every other update then matches no row.
        var leaseEnd = FromMs(nowMs + (long)lease.TotalMilliseconds);
        var claims = new List<WebhookClaim>();
        foreach (var candidate in candidates)
        {
            var token = NewId();
            var claimed = await dialect.QueryAsync(
                $"""
                UPDATE platform_webhook_deliveries SET lease_token = @token, next_attempt_at_ms = @leaseEnd, attempts = attempts + 1
                WHERE delivery_id = @id AND lease_token = @expected AND state = @pending AND next_attempt_at_ms <= @now
                RETURNING {MessageColumns}, attempts
                """,
                command =>
                {
                    command.AddParameter("token", token);
                    command.AddParameter("leaseEnd", ToMs(leaseEnd));
                    command.AddParameter("id", candidate.Id);
                    command.AddParameter("expected", candidate.LeaseToken);
                    command.AddParameter("pending", Pending);
                    command.AddParameter("now", nowMs);
                },
                reader => new WebhookClaim(ReadMessage(reader), reader.GetInt32(7), token, leaseEnd),
                cancellationToken);
            claims.AddRange(claimed);
        }

        return claims;
    }

    public async Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryId);

        // No lease check: the receiver did get it, whoever held the lease. The new token voids any other claim.
        var marked = await dialect.ExecuteAsync(
            """
            UPDATE platform_webhook_deliveries SET state = @delivered, delivered_at_ms = @at, lease_token = @token, last_error = NULL
            WHERE delivery_id = @id AND state <> @delivered
            """,
            command =>
            {
                command.AddParameter("delivered", Delivered);
                command.AddParameter("at", ToMs(deliveredAt));
                command.AddParameter("token", NewId());
                command.AddParameter("id", deliveryId);
            },
            cancellationToken);
        return marked == 1;
    }

    public async Task<WebhookFailureOutcome> MarkFailedAsync(
        WebhookClaim claim, string error, DateTimeOffset nextAttemptAt, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);

        var states = await dialect.QueryAsync(
            """
            UPDATE platform_webhook_deliveries SET
                state = CASE WHEN attempts >= @max THEN @failed ELSE @pending END,
                next_attempt_at_ms = @next, last_error = @error, lease_token = @token
            WHERE delivery_id = @id AND lease_token = @lease AND state = @pending
            RETURNING state
            """,
            command =>
            {
                command.AddParameter("max", maxAttempts);
                command.AddParameter("failed", Failed);
                command.AddParameter("pending", Pending);
                command.AddParameter("next", ToMs(nextAttemptAt));
                command.AddParameter("error", error.Length <= MaxErrorLength ? error : error[..MaxErrorLength]);
                command.AddParameter("token", NewId());
                command.AddParameter("id", claim.Message.Id);
                command.AddParameter("lease", claim.LeaseToken);
            },
            reader => reader.GetString(0),
            cancellationToken);

        return states.Count == 0 ? WebhookFailureOutcome.LeaseLost
            : states[0] == Failed ? WebhookFailureOutcome.DeadLettered
            : WebhookFailureOutcome.RetryScheduled;
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(interviewId);
        return dialect.ReadAsync(
            $"""
            SELECT {DeliveryColumns} FROM platform_webhook_deliveries
            WHERE tenant_id = @tenant AND interview_id = @interview ORDER BY created_at_ms, delivery_id
            """,
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("interview", interviewId);
            },
            reader => new WebhookDelivery(
                ReadMessage(reader),
                ParseState(reader.GetString(7)),
                reader.GetInt32(8),
                FromMs(reader.GetInt64(9)),
                ReadOptionalTime(reader, 10),
                ReadOptionalString(reader, 11)),
            cancellationToken);
    }

    public Task<int> DeleteDeliveriesAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        dialect.DeleteByInterviewAsync("platform_webhook_deliveries", tenantId, interviewId, cancellationToken);

    private static WebhookMessage ReadMessage(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), FromMs(reader.GetInt64(6)));

    private static WebhookDeliveryState ParseState(string state) => state switch
    {
        Pending => WebhookDeliveryState.Pending,
        Delivered => WebhookDeliveryState.Delivered,
        Failed => WebhookDeliveryState.Failed,
        _ => throw new InvalidOperationException($"Unknown webhook delivery state '{state}' in the database."),
    };
}
