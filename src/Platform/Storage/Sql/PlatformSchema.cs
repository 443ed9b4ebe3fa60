namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// The platform's tables as ordered migrations, recorded in their own <c>platform_schema_version</c> so they evolve
/// apart from the cluster's <c>schema_version</c>. Every table is prefixed <c>platform_</c>. Times are Unix
/// milliseconds. Never edit a released migration: add one.
/// </summary>
internal static class PlatformSchema
{
    public const string VersionTable = "platform_schema_version";

    /// <summary>Migration N is at index N-1. <c>{BIGINT}</c> stands for the dialect's 64-bit integer type.</summary>
    public static readonly IReadOnlyList<string[]> Migrations =
    [
        [
            """
            CREATE TABLE IF NOT EXISTS platform_tenants (
                tenant_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at_ms {BIGINT} NOT NULL)
            """,
            // key_hash is SHA-256 of the key: the plaintext is never stored.
            """
            CREATE TABLE IF NOT EXISTS platform_api_keys (
                key_id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE,
                visible_prefix TEXT NOT NULL,
                created_at_ms {BIGINT} NOT NULL,
                revoked_at_ms {BIGINT} NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_platform_api_keys_tenant ON platform_api_keys (tenant_id)",
            // candidate_name_folded: lowercased once on write, so "contains" is case-insensitive the same way on both engines.
            """
            CREATE TABLE IF NOT EXISTS platform_interviews (
                interview_id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                status TEXT NOT NULL,
                candidate_name TEXT NOT NULL,
                candidate_name_folded TEXT NOT NULL,
                job_title TEXT NOT NULL,
                skill_topic TEXT NOT NULL,
                level TEXT NOT NULL,
                provider TEXT NOT NULL,
                created_at_ms {BIGINT} NOT NULL,
                started_at_ms {BIGINT} NULL,
                ended_at_ms {BIGINT} NULL,
                end_reason TEXT NULL)
            """,
            // The listing's keyset order, per tenant.
            "CREATE INDEX IF NOT EXISTS ix_platform_interviews_listing ON platform_interviews (tenant_id, created_at_ms DESC, interview_id DESC)",
            // The retention purge scans by end time across tenants.
            "CREATE INDEX IF NOT EXISTS ix_platform_interviews_ended ON platform_interviews (ended_at_ms)",
            // lease_token changes on every claim and report: the compare-and-swap that keeps two silos off one attempt.
            """
            CREATE TABLE IF NOT EXISTS platform_webhook_deliveries (
                delivery_id TEXT PRIMARY KEY,
                interview_id TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                url TEXT NOT NULL,
                event_type TEXT NOT NULL,
                payload_json TEXT NOT NULL,
                created_at_ms {BIGINT} NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at_ms {BIGINT} NOT NULL,
                delivered_at_ms {BIGINT} NULL,
                last_error TEXT NULL,
                lease_token TEXT NOT NULL)
            """,
            // Every silo polls for due deliveries.
            "CREATE INDEX IF NOT EXISTS ix_platform_webhook_deliveries_due ON platform_webhook_deliveries (state, next_attempt_at_ms)",
            "CREATE INDEX IF NOT EXISTS ix_platform_webhook_deliveries_interview ON platform_webhook_deliveries (tenant_id, interview_id)",
            // DOUBLE PRECISION is 8-byte float on PostgreSQL and REAL affinity on SQLite.
            """
            CREATE TABLE IF NOT EXISTS platform_usage (
                interview_id TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                amount DOUBLE PRECISION NOT NULL,
                at_ms {BIGINT} NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_platform_usage_tenant_at ON platform_usage (tenant_id, at_ms)",
            "CREATE INDEX IF NOT EXISTS ix_platform_usage_interview ON platform_usage (tenant_id, interview_id)",
            // token_hash is SHA-256 of the invitation token: the token itself is never stored.
            """
            CREATE TABLE IF NOT EXISTS platform_invitations (
                token_hash TEXT PRIMARY KEY,
                interview_id TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                created_at_ms {BIGINT} NOT NULL,
                expires_at_ms {BIGINT} NOT NULL,
                revoked_at_ms {BIGINT} NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_platform_invitations_interview ON platform_invitations (tenant_id, interview_id)",
        ],
        [
            // The concurrent-interview quota counts a tenant's open interviews on every create.
            "CREATE INDEX IF NOT EXISTS ix_platform_interviews_open ON platform_interviews (tenant_id, status)",
        ],
        [
            // Which model consumed the tokens: cost is per model (null for audio seconds and older rows).
            "ALTER TABLE platform_usage ADD COLUMN model TEXT NULL",
        ],
    ];
}
