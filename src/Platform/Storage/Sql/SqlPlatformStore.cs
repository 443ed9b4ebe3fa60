using SyncHire.Platform.Interviews;
using SyncHire.Platform.Invitations;
using SyncHire.Platform.Tenants;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// <see cref="IPlatformStore"/> over ADO.NET, written once in SQL that PostgreSQL and SQLite both accept. It owns
/// the connection pool (the <see cref="SqlDialect"/>) and the schema migration; each table's work is a small store
/// of its own (<see cref="Tenants"/>, <see cref="Interviews"/>, ...) on the same dialect, and the methods here only
/// hand over to them. Each operation opens a pooled connection, runs one statement or one short write transaction,
/// and returns it.
/// </summary>
public sealed class SqlPlatformStore : IPlatformStore, IAsyncDisposable
{
    /// <summary>The longest last error a webhook delivery keeps.</summary>
    public const int MaxWebhookErrorLength = SqlWebhookOutbox.MaxErrorLength;

    private readonly SqlDialect _dialect;

    /// <param name="provider">"sqlite" or "postgres", as in Cluster:Storage.</param>
    /// <param name="connectionString">The cluster's connection string: the platform's tables sit beside the cluster's.</param>
    public SqlPlatformStore(string provider, string connectionString)
    {
        _dialect = PlatformDialects.Create(provider, connectionString);
        Tenants = new SqlTenantDirectory(_dialect);
        Locks = new SqlTenantLocks(_dialect);
        Interviews = new SqlInterviewIndex(_dialect);
        Webhooks = new SqlWebhookOutbox(_dialect);
        Usage = new SqlUsageLedger(_dialect);
        Invitations = new SqlInvitationStore(_dialect);
    }

    public ITenantDirectory Tenants { get; }

    public ITenantLocks Locks { get; }

    public IInterviewIndex Interviews { get; }

    public IWebhookOutbox Webhooks { get; }

    public IUsageLedger Usage { get; }

    public IInvitationStore Invitations { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new SqlMigrator(_dialect, PlatformSchema.VersionTable, PlatformSchema.Migrations).MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    // ITenantDirectory and ITenantLocks
    public Task<bool> CreateTenantAsync(string tenantId, string name, CancellationToken cancellationToken) =>
        Tenants.CreateTenantAsync(tenantId, name, cancellationToken);

    public Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        Tenants.GetTenantAsync(tenantId, cancellationToken);

    public Task<IssuedApiKey> IssueApiKeyAsync(string tenantId, string keyName, CancellationToken cancellationToken) =>
        Tenants.IssueApiKeyAsync(tenantId, keyName, cancellationToken);

    public Task<ApiKeyIdentity?> FindByApiKeyAsync(string? presentedKey, CancellationToken cancellationToken) =>
        Tenants.FindByApiKeyAsync(presentedKey, cancellationToken);

    public Task<bool> RevokeApiKeyAsync(string tenantId, string keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Tenants.RevokeApiKeyAsync(tenantId, keyId, now, cancellationToken);

    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(string tenantId, CancellationToken cancellationToken) =>
        Tenants.ListApiKeysAsync(tenantId, cancellationToken);

    public Task ImportBootstrapKeyAsync(string tenantId, string plaintextKey, CancellationToken cancellationToken) =>
        Tenants.ImportBootstrapKeyAsync(tenantId, plaintextKey, cancellationToken);

    public Task<IAsyncDisposable> LockTenantAsync(string tenantId, string purpose, CancellationToken cancellationToken) =>
        Locks.LockTenantAsync(tenantId, purpose, cancellationToken);

    // IInterviewIndex
    public Task UpsertInterviewAsync(InterviewIndexEntry entry, CancellationToken cancellationToken) =>
        Interviews.UpsertInterviewAsync(entry, cancellationToken);

    public Task<InterviewIndexEntry?> GetInterviewAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        Interviews.GetInterviewAsync(tenantId, interviewId, cancellationToken);

    public Task<InterviewPage> ListInterviewsAsync(string tenantId, InterviewQuery query, CancellationToken cancellationToken) =>
        Interviews.ListInterviewsAsync(tenantId, query, cancellationToken);

    public Task<int> CountInterviewsAsync(string tenantId, IReadOnlyList<string> statuses, int atMost, CancellationToken cancellationToken) =>
        Interviews.CountInterviewsAsync(tenantId, statuses, atMost, cancellationToken);

    public Task<bool> DeleteInterviewAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        Interviews.DeleteInterviewAsync(tenantId, interviewId, cancellationToken);

    public Task<IReadOnlyList<EndedInterview>> ListEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        Interviews.ListEndedBeforeAsync(cutoff, limit, cancellationToken);

    // IWebhookOutbox
    public Task<bool> EnqueueAsync(WebhookMessage message, CancellationToken cancellationToken) =>
        Webhooks.EnqueueAsync(message, cancellationToken);

    public Task<IReadOnlyList<WebhookClaim>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        Webhooks.ClaimDueAsync(now, lease, limit, cancellationToken);

    public Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
        Webhooks.MarkDeliveredAsync(deliveryId, deliveredAt, cancellationToken);

    public Task<WebhookFailureOutcome> MarkFailedAsync(
        WebhookClaim claim, string error, DateTimeOffset nextAttemptAt, int maxAttempts, CancellationToken cancellationToken) =>
        Webhooks.MarkFailedAsync(claim, error, nextAttemptAt, maxAttempts, cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        Webhooks.ListDeliveriesAsync(tenantId, interviewId, cancellationToken);

    public Task<int> DeleteDeliveriesAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        Webhooks.DeleteDeliveriesAsync(tenantId, interviewId, cancellationToken);

    // IUsageLedger
    public Task RecordUsageAsync(IReadOnlyCollection<UsageRecord> records, CancellationToken cancellationToken) =>
        Usage.RecordUsageAsync(records, cancellationToken);

    public Task<IReadOnlyList<UsageTotal>> SumUsageAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Usage.SumUsageAsync(tenantId, from, to, cancellationToken);

    public Task<IReadOnlyList<UsageTotal>> SumUsageByModelAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Usage.SumUsageByModelAsync(tenantId, from, to, cancellationToken);

    public Task<int> DeleteUsageAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        Usage.DeleteUsageAsync(tenantId, interviewId, cancellationToken);

    // IInvitationStore
    public Task<IssuedInvitation> CreateInvitationAsync(string tenantId, string interviewId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Invitations.CreateInvitationAsync(tenantId, interviewId, expiresAt, cancellationToken);

    public Task<InvitationGrant?> RedeemInvitationAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken) =>
        Invitations.RedeemInvitationAsync(token, now, cancellationToken);

    public Task<int> RevokeInvitationsAsync(string tenantId, string interviewId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Invitations.RevokeInvitationsAsync(tenantId, interviewId, now, cancellationToken);
}
