using System.Data;
using System.Data.Common;
using Npgsql;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// PostgreSQL: READ COMMITTED write transactions that lock the rows they decide on (SELECT ... FOR UPDATE),
/// and a transaction-scoped advisory lock that serializes schema migration across silos.
/// </summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    /// <summary>Arbitrary constant shared by every silo: "SyncHire" schema migration.</summary>
    private const long MigrationLockKey = 0x53796E6348697265;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>Locks of this process are per database (host, port, name).</summary>
    private readonly string _lockScope = LockScope(connectionString);

    public override string BigIntType => "BIGINT";

    public override string BooleanType => "BOOLEAN";

    public override string LockRowsSuffix => " FOR UPDATE";

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.AddParameter("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <remarks>
    /// 57P01–57P03 (admin_shutdown, crash_shutdown, cannot_connect_now) arrive on a session the server ended, so
    /// the statement never ran; an I/O failure is a socket the server closed. A statement's own error is neither.
    /// </remarks>
    public override bool IsBrokenConnection(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } => true,
        _ => false,
    };

    public override void ClearIdleConnections() => _dataSource.Clear();

    /// <remarks>
    /// First this process's own lock for the name, so one process's callers queue in memory and at most one of them
    /// holds a connection while waiting on the server; then a session-level advisory lock on a connection of its
    /// own, keyed by a 64-bit hash of the name. Both are given back on dispose; were the process to die holding
    /// them, the server ends the session and frees the advisory lock.
    /// </remarks>
    public override async Task<IAsyncDisposable> AcquireLockAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var local = await ProcessLocks.AcquireAsync(_lockScope, name, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand(null, "SELECT pg_advisory_lock(hashtextextended(@name, 0))");
            command.AddParameter("name", name);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, name, local);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await local.DisposeAsync();
            throw;
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, string name, IAsyncDisposable local) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = connection.CreateCommand(null, "SELECT pg_advisory_unlock(hashtextextended(@name, 0))");
                command.AddParameter("name", name);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The session is gone, and with it the lock.
            }
            finally
            {
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string LockScope(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{settings.Host}:{settings.Port}/{settings.Database}";
    }
}
