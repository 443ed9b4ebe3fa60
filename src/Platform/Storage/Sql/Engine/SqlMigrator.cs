using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// Brings a database up to an ordered list of migrations and records each applied version in its own version table,
/// so several schemas can share one database and evolve apart. Migration N is at
/// index N-1 and is a list of DDL statements; <c>{BIGINT}</c> and <c>{BOOLEAN}</c> in them stand for the dialect's
/// types. Never edit a released migration: add one.
/// </summary>
public sealed partial class SqlMigrator
{
    private readonly SqlDialect _dialect;
    private readonly string _versionTable;
    private readonly IReadOnlyList<string[]> _migrations;

    /// <param name="versionTable">A plain table name; it is written into the SQL as it is.</param>
    public SqlMigrator(SqlDialect dialect, string versionTable, IReadOnlyList<string[]> migrations)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(migrations);
        if (versionTable is null || !PlainTableName().IsMatch(versionTable))
        {
            throw new ArgumentException($"'{versionTable}' is not a plain table name (lowercase letters, digits, underscores).", nameof(versionTable));
        }

        _dialect = dialect;
        _versionTable = versionTable;
        _migrations = migrations;
    }

    /// <summary>
    /// Applies the migrations this database lacks, all in one transaction under the dialect's migration lock (one
    /// lock for every schema): processes starting at once apply each migration exactly once, one after another.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database has a newer version than this build knows.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken);
        await _dialect.PrepareDatabaseAsync(connection, cancellationToken);

        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await _dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {_versionTable} (version INTEGER PRIMARY KEY, applied_at_ms {{BIGINT}} NOT NULL)", cancellationToken);

        int applied;
        await using (var read = connection.CreateCommand(transaction, $"SELECT COALESCE(MAX(version), 0) FROM {_versionTable}"))
        {
            applied = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (applied > _migrations.Count)
        {
            throw new InvalidOperationException(
                $"The schema recorded in {_versionTable} is at version {applied}, newer than this build knows ({_migrations.Count}). Upgrade this process.");
        }

        for (var version = applied + 1; version <= _migrations.Count; version++)
        {
            foreach (var ddl in _migrations[version - 1])
            {
                await ExecuteAsync(connection, transaction, ddl, cancellationToken);
            }

            await using var record = connection.CreateCommand(transaction, $"INSERT INTO {_versionTable} (version, applied_at_ms) VALUES (@version, @now)");
            record.AddParameter("version", version);
            record.AddParameter("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string ddl, CancellationToken cancellationToken)
    {
        var sql = ddl.Replace("{BIGINT}", _dialect.BigIntType, StringComparison.Ordinal)
            .Replace("{BOOLEAN}", _dialect.BooleanType, StringComparison.Ordinal);
        await using var command = connection.CreateCommand(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainTableName();
}
