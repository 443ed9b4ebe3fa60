using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// SQLite: WAL so readers never block the writer, a busy timeout so a writer waits for the file lock instead of
/// failing, and BEGIN IMMEDIATE so a write transaction takes that lock up front. A deferred transaction that
/// reads first and then upgrades can fail with "database is locked" without waiting; an immediate one cannot.
/// Holding the write lock for the whole transaction also makes it exclusive, so no row locks are needed.
/// </summary>
public sealed class SqliteDialect(string connectionString) : SqlDialect
{
    private const int BusyTimeoutMs = 5000;

    /// <summary>Named locks are per database file, in this process: SQLite serves a single process (the embedded
    /// default), and a database write lock would also block the writes the holder makes.</summary>
    private readonly string _lockScope = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public override string BigIntType => "INTEGER";

    public override string BooleanType => "INTEGER";

    public override string LockRowsSuffix => "";

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await SqliteDatabaseFile.OpenAsync(connectionString, cancellationToken);

    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file, so setting it once at start covers every later connection and process.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && !string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}'); concurrent silos need it.");
        }
    }

    // BEGIN IMMEDIATE already holds the database's single write lock.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override Task<IAsyncDisposable> AcquireLockAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ProcessLocks.AcquireAsync(_lockScope, name, cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the owner can delete or move the file.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
