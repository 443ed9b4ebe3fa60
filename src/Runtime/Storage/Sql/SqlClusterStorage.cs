using System.Data.Common;

namespace SyncHire.Runtime.Storage.Sql;

/// <summary>
/// <see cref="IClusterStorage"/> over ADO.NET, shared by PostgreSQL and SQLite. Each operation opens a pooled
/// connection, runs one statement or one short write transaction, and returns it. The split by concern lives in
/// the partial files (Membership, Directory, State, Reminders).
/// </summary>
internal sealed partial class SqlClusterStorage(SqlDialect dialect) : IClusterStorage, IAsyncDisposable
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new SqlMigrator(dialect, SqlSchema.VersionTable, SqlSchema.Migrations).MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private static string NewETag() => Guid.NewGuid().ToString("N");

    /// <summary>Runs a single statement on its own connection (autocommit) and returns the rows it changed.</summary>
    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(null, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query on its own connection and maps every row.</summary>
    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(null, sql);
        bind(command);
        return await ReadAllAsync(command, map, cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
