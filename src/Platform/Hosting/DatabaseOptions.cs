namespace SyncHire.Platform.Hosting;

/// <summary>
/// The one database a deployment runs on (section "Cluster", keys Storage and ConnectionString): SQLite for the
/// embedded single node, PostgreSQL for a cluster. The platform's tables and Orleans' (membership, grain state,
/// reminders) share it.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Cluster";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>"sqlite" (embedded, single node) or "postgres" (a cluster).</summary>
    public string Storage { get; set; } = Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/synchire.db";

    /// <summary>The engine named by <see cref="Storage"/>, normalised; throws for an unknown one.</summary>
    public string Engine => Normalize(Storage)
        ?? throw new ArgumentException($"Unknown storage provider '{Storage}' in Cluster:Storage. Use '{Sqlite}' or '{Postgres}'.");

    public static bool IsKnownEngine(string? storage) => Normalize(storage) is not null;

    private static string? Normalize(string? storage) => storage?.Trim().ToLowerInvariant() switch
    {
        Sqlite => Sqlite,
        Postgres or "postgresql" => Postgres,
        _ => null,
    };

    public bool IsPostgres => Engine == Postgres;
}
