using SyncHire.Platform.Hosting;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>The SQL dialect for the configured engine; the platform's tables live in the cluster's own database.</summary>
internal static class PlatformDialects
{
    public static SqlDialect Create(string provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        switch (provider.Trim().ToLowerInvariant())
        {
            case DatabaseOptions.Sqlite:
                SqliteDatabaseFile.EnsureFolder(connectionString);
                return new SqliteDialect(connectionString);
            case DatabaseOptions.Postgres or "postgresql":
                return new PostgresDialect(connectionString);
            default:
                throw new ArgumentException(
                    $"Unknown storage provider '{provider}' in Cluster:Storage. Use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}'.",
                    nameof(provider));
        }
    }
}
