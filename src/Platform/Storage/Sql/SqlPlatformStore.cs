using System.Data.Common;
using System.Globalization;
using SyncHire.Runtime.Storage.Sql;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// <see cref="IPlatformStore"/> over ADO.NET, written once in SQL that PostgreSQL and SQLite both accept. Each
/// operation opens a pooled connection, runs one statement or one short write transaction, and returns it. The
/// split by concern lives in the partial files (Tenants, Interviews, Webhooks, Usage, Invitations).
/// </summary>
public sealed partial class SqlPlatformStore : IPlatformStore, IAsyncDisposable
{
    private readonly SqlDialect _dialect;

    /// <param name="provider">"sqlite" or "postgres", as in Cluster:Storage.</param>
    /// <param name="connectionString">The cluster's connection string: the platform's tables sit beside the cluster's.</param>
    public SqlPlatformStore(string provider, string connectionString)
    {
        _dialect = PlatformDialects.Create(provider, connectionString);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken);
        await _dialect.PrepareDatabaseAsync(connection, cancellationToken);

        // One transaction under the migration lock (the same one the cluster schema takes): processes starting at
        // once apply each migration exactly once, one after another.
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await _dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, PlatformSchema.Render(PlatformSchema.VersionTableDdl, _dialect), cancellationToken);

        int applied;
        await using (var read = connection.CreateCommand(transaction, "SELECT COALESCE(MAX(version), 0) FROM platform_schema_version"))
        {
            applied = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (applied > PlatformSchema.Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The platform schema is at version {applied}, newer than this build knows ({PlatformSchema.Migrations.Count}). Upgrade this process.");
        }

        for (var version = applied + 1; version <= PlatformSchema.Migrations.Count; version++)
        {
            foreach (var ddl in PlatformSchema.Migrations[version - 1])
            {
                await ExecuteAsync(connection, transaction, PlatformSchema.Render(ddl, _dialect), cancellationToken);
            }

            await using var record = connection.CreateCommand(transaction, "INSERT INTO platform_schema_version (version, applied_at_ms) VALUES (@version, @now)");
            record.AddParameter("version", version);
            record.AddParameter("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static long? ToMs(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? ReadOptionalTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    private static string? ReadOptionalString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void RequireText(string? value, int maxLength, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", paramName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters are allowed.", paramName);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a single statement on its own connection (autocommit) and returns the rows it changed.</summary>
    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(null, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query (or a statement with RETURNING) on its own connection and maps every row.</summary>
    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken);
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
