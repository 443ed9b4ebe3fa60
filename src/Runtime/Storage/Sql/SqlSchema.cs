namespace SyncHire.Runtime.Storage.Sql;

/// <summary>
/// The cluster's schema as an ordered list of migrations. A database records the versions it has applied in
/// <c>schema_version</c>; initialization applies the missing ones (<see cref="SqlMigrator"/>). Never edit a released
/// migration: add one.
/// </summary>
internal static class SqlSchema
{
    public const string VersionTable = "schema_version";

    /// <summary>Migration N is at index N-1. <c>{BIGINT}</c> and <c>{BOOLEAN}</c> stand for the dialect's types.</summary>
    public static readonly IReadOnlyList<string[]> Migrations =
    [
        [
            """
            CREATE TABLE IF NOT EXISTS silos (
                silo_id TEXT PRIMARY KEY,
                address TEXT NOT NULL,
                status INTEGER NOT NULL,
                started_at_ms {BIGINT} NOT NULL,
                last_heartbeat_ms {BIGINT} NOT NULL,
                hosts_grains {BOOLEAN} NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS grain_directory (
                grain_id TEXT PRIMARY KEY,
                silo_id TEXT NOT NULL,
                activation_id TEXT NOT NULL,
                created_at_ms {BIGINT} NOT NULL)
            """,
            // Declaring a silo dead deletes its entries by silo.
            "CREATE INDEX IF NOT EXISTS ix_grain_directory_silo ON grain_directory (silo_id)",
            """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_id TEXT PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS reminders (
                grain_id TEXT NOT NULL,
                name TEXT NOT NULL,
                first_due_at_ms {BIGINT} NOT NULL,
                due_at_ms {BIGINT} NOT NULL,
                period_ms {BIGINT} NOT NULL,
                etag TEXT NOT NULL,
                PRIMARY KEY (grain_id, name))
            """,
            // Every silo polls for due reminders.
            "CREATE INDEX IF NOT EXISTS ix_reminders_due ON reminders (due_at_ms)",
        ],
    ];
}
