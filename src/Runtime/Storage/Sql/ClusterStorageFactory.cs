namespace SyncHire.Runtime.Storage.Sql;

/// <summary>Creates the <see cref="IClusterStorage"/> for a configured database engine.</summary>
public static class ClusterStorageFactory
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <param name="provider"><c>"sqlite"</c> (embedded, single node) or <c>"postgres"</c> (cluster).</param>
    /// <param name="connectionString">An ADO.NET connection string for that provider.</param>
    /// <returns>Storage that owns its connection pool; dispose it (it is <see cref="IAsyncDisposable"/>) to release it.</returns>
    public static IClusterStorage Create(string provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        SqlDialect dialect = provider.Trim().ToLowerInvariant() switch
        {
            Sqlite => new SqliteDialect(connectionString),
            Postgres or "postgresql" => new PostgresDialect(connectionString),
            _ => throw new ArgumentException(
                $"Unknown cluster storage provider '{provider}'. Use '{Sqlite}' or '{Postgres}'.", nameof(provider)),
        };
        return new SqlClusterStorage(dialect);
    }
}
