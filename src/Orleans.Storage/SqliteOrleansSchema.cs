using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

using SyncHire.Platform.Storage.Sql;

namespace SyncHire.OrleansStorage;

/// <summary>
/// Orleans' SQLite grain-storage schema and SyncHire's reminder table, in one BEGIN IMMEDIATE transaction: it takes
/// the file's write lock up front, so concurrent migrations (or a migration and a running silo) take turns.
/// </summary>
internal static class SqliteOrleansSchema
{
    /// <summary>In dependency order: Main creates OrleansQuery, which Persistence fills.</summary>
    private static readonly string[] Scripts =
    [
        "Sqlite-Main.sql",
        "Sqlite-Persistence.sql",
        "Sqlite-Reminders.sql",
    ];

    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        SqliteDatabaseFile.EnsureFolder(connectionString);
        await using var connection = await SqliteDatabaseFile.OpenAsync(connectionString, ct);
        await UseWriteAheadLogAsync(connection, ct);

        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var script in Scripts)
        {
            await using var command = new SqliteCommand(SqlScripts.Read(script), connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }

        OrleansDatabaseSchema.EnsureQueryKeys(await ReadQueryKeysAsync(connection, transaction, ct), OrleansQueryKeys.Sqlite, "SQLite");
        await transaction.CommitAsync(ct);
        logger.LogInformation("Orleans schema on SQLite is current (grain storage, reminders).");
    }

    /// <summary>
    /// WAL lets grain reads proceed while another connection writes. It is a property of the file, set outside any
    /// transaction; the platform's own migration sets it too, whichever of them runs first.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = new SqliteCommand("PRAGMA journal_mode = WAL;", connection);
        var mode = (string?)await command.ExecuteScalarAsync(ct);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && !string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}').");
        }
    }

    private static async Task<List<string>> ReadQueryKeysAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var command = new SqliteCommand("SELECT QueryKey FROM OrleansQuery", connection, transaction);
        return [.. await command.ReadAllAsync(reader => reader.GetString(0), ct)];
    }
}
