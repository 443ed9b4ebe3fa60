using System.Data.Common;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// What differs between the engines behind the platform store. Everything else (upserts with
/// ON CONFLICT, RETURNING, parameters) is written once in SQL both PostgreSQL and SQLite accept.
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>Column type for Unix-millisecond times and other 64-bit integers.</summary>
    public abstract string BigIntType { get; }

    /// <summary>Column type for flags.</summary>
    public abstract string BooleanType { get; }

    /// <summary>Suffix that row-locks the rows a SELECT read inside a write transaction (empty where the whole
    /// transaction is already exclusive).</summary>
    public abstract string LockRowsSuffix { get; }

    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that will write; concurrent writers must wait rather than fail.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs once before the migration transaction (settings that cannot change inside a transaction).</summary>
    public abstract Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Inside the migration transaction: makes silos starting at once migrate one after another.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="exception"/> says the connection itself was dead (the server restarted or cut the
    /// session before the statement ran), not that the statement failed.
    /// </summary>
    public virtual bool IsBrokenConnection(Exception exception) => false;

    /// <summary>Closes the pool's idle connections: after one is found broken, the others from before are too.</summary>
    public virtual void ClearIdleConnections()
    {
    }

    /// <summary>
    /// Holds a lock named <paramref name="name"/> for every process on this database until the result is disposed:
    /// callers doing a check-then-act across tables (a quota) run one at a time.
    /// </summary>
    public abstract Task<IAsyncDisposable> AcquireLockAsync(string name, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
