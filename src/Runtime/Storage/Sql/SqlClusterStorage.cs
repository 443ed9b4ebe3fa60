using System.Data.Common;

namespace SyncHire.Runtime.Storage.Sql;

/// <summary>
/// <see cref="IClusterStorage"/> over ADO.NET, shared by PostgreSQL and SQLite. Each operation opens a pooled
/// connection, runs one statement or one short write transaction, and returns it. The split by concern lives in
/// the partial files (Membership, Directory, State, Reminders).
/// </summary>
internal sealed partial class SqlClusterStorage(SqlDialect dialect) : IClusterStorage, IAsyncDisposable
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await dialect.PrepareDatabaseAsync(connection, cancellationToken);

        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, SqlSchema.Render(SqlSchema.VersionTableDdl, dialect), cancellationToken);

        await using (var read = connection.CreateCommand(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            var applied = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (applied > SqlSchema.Migrations.Count)
            {
                throw new InvalidOperationException(
                    $"The database schema is at version {applied}, newer than this build knows ({SqlSchema.Migrations.Count}). Upgrade the silo.");
            }

            for (var version = applied + 1; version <= SqlSchema.Migrations.Count; version++)
            {
                foreach (var ddl in SqlSchema.Migrations[version - 1])
                {
                    await ExecuteAsync(connection, transaction, SqlSchema.Render(ddl, dialect), cancellationToken);
                }

                await using var record = connection.CreateCommand(transaction, "INSERT INTO schema_version (version, applied_at_ms) VALUES (@version, @now)");
                record.AddParameter("version", version);
                record.AddParameter("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
