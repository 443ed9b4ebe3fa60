using Microsoft.Data.Sqlite;
using SyncHire.Platform.Hosting;

namespace SyncHire.OrleansStorage.Tests.Support;

/// <summary>
/// A SQLite file path in a folder of its own under the temp folder, not created yet (the migration creates folder
/// and file, as in production); the folder is deleted on dispose.
/// </summary>
public sealed class SqliteTestFile : IAsyncDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"synchire-orleans-{Guid.NewGuid():N}");

    public SqliteTestFile()
    {
        Path = System.IO.Path.Combine(_folder, "data", "synchire.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Storage = DatabaseOptions.Sqlite, ConnectionString = ConnectionString };

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
