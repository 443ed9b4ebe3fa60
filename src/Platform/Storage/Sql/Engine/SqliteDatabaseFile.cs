using Microsoft.Data.Sqlite;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// Opening the deployment's SQLite file, for everything that stores in it (the platform's tables, Orleans' grain
/// state and reminders): its folder created, writers waiting for the lock rather than failing.
/// </summary>
public static class SqliteDatabaseFile
{
    /// <summary>How long a statement waits for another connection's write lock before failing with "database is locked".</summary>
    private const int BusyTimeoutMs = 5000;

    /// <summary>Creates the data file's folder: SQLite creates a missing file, not a missing folder.</summary>
    public static void EnsureFolder(string connectionString)
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

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Per connection, and a fresh connection has none: without it a second writer fails at once.
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
