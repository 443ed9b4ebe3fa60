using Microsoft.Data.Sqlite;
using SyncHire.Platform.Hosting;

namespace SyncHire.Testing;

/// <summary>A SQLite file in the temp folder, deleted (with its WAL and shared-memory files) on dispose.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _path;

    private SqliteTestDatabase(string path)
    {
        _path = path;
        // Pooling stays on, as in production; dispose clears this file's pool before deleting it.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }

    public string Provider => DatabaseOptions.Sqlite;

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Storage = Provider, ConnectionString = ConnectionString };

    public static SqliteTestDatabase Create() =>
        new(Path.Combine(Path.GetTempPath(), $"synchire-test-{Guid.NewGuid():N}.db"));

    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
