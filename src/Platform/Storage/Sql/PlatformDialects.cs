using Microsoft.Data.Sqlite;
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
                EnsureSqliteFolder(connectionString);
                return new SqliteDialect(connectionString);
            case DatabaseOptions.Postgres or "postgresql":
                return new PostgresDialect(connectionString);
            default:
                throw new ArgumentException(
                    $"Unknown storage provider '{provider}' in Cluster:Storage. Use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}'.",
                    nameof(provider));
        }
    }

    // The platform initializer may run before the cluster's, which is otherwise what creates the file's folder.
    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
