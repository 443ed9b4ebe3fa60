using System.Data.Common;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// The one-statement operations both SQL stores (the cluster's and the platform's) are written in: each opens a
/// pooled connection, runs one statement and returns the connection.
/// </summary>
/// <remarks>
/// When the database restarts, or a failover cuts every session, each idle pooled connection is dead and the next
/// statement on it fails. Every operation that meets a broken connection drops the idle pool, so the failure is
/// met once rather than once per pooled connection; a read (<see cref="ReadAsync"/>) is then retried once on a
/// fresh connection, since reading twice is harmless. Writes are not retried here: whether a cut statement ran is
/// unknown, and their callers own that decision (a grain's state write retries under its ETag).
/// </remarks>
public static class SqlOperations
{
    /// <summary>Runs a statement on its own connection (autocommit) and returns the rows it changed.</summary>
    public static Task<int> ExecuteAsync(this SqlDialect dialect, string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        dialect.RunAsync(sql, bind, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    /// <summary>Runs a statement that writes and returns rows (RETURNING) on its own connection; maps every row.</summary>
    public static Task<IReadOnlyList<T>> QueryAsync<T>(this SqlDialect dialect, string sql, Action<DbCommand> bind,
        Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        dialect.RunAsync(sql, bind, command => command.ReadAllAsync(map, cancellationToken), cancellationToken);

    /// <summary>Runs a SELECT on its own connection and maps every row; retried once if the connection was broken.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(this SqlDialect dialect, string sql, Action<DbCommand> bind,
        Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        try
        {
            return await dialect.QueryAsync(sql, bind, map, cancellationToken);
        }
        catch (Exception exception) when (dialect.IsBrokenConnection(exception))
        {
            return await dialect.QueryAsync(sql, bind, map, cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static async Task<TResult> RunAsync<TResult>(this SqlDialect dialect, string sql, Action<DbCommand> bind,
        Func<DbCommand, Task<TResult>> run, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand(null, sql);
            bind(command);
            return await run(command);
        }
        catch (Exception exception) when (dialect.IsBrokenConnection(exception))
        {
            dialect.ClearIdleConnections();
            throw;
        }
    }
}
