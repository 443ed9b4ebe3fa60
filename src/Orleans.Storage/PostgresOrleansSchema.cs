using Microsoft.Extensions.Logging;
using Npgsql;

using SyncHire.Platform.Storage.Sql;

namespace SyncHire.OrleansStorage;

/// <summary>
/// Orleans' PostgreSQL schema (clustering, grain storage, reminders) in one transaction. The scripts are idempotent,
/// but concurrent CREATE OR REPLACE FUNCTION / CREATE TABLE IF NOT EXISTS from several pods can still collide in the
/// catalog ("tuple concurrently updated", duplicate type): a transaction-scoped advisory lock makes pods take turns.
/// </summary>
internal static class PostgresOrleansSchema
{
    /// <summary>Arbitrary constant shared by every silo ("OrleansS"); differs from the platform migration's key.</summary>
    private const long MigrationLockKey = 0x4F726C65616E7353;

    /// <summary>In dependency order: Main creates OrleansQuery, which the others fill.</summary>
    private static readonly string[] Scripts =
    [
        "PostgreSQL-Main.sql",
        "PostgreSQL-Clustering.sql",
        "PostgreSQL-Persistence.sql",
        "PostgreSQL-Reminders.sql",
    ];

    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        foreach (var script in Scripts)
        {
            await using var command = new NpgsqlCommand(SqlScripts.Read(script), connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }

        OrleansDatabaseSchema.EnsureQueryKeys(await ReadQueryKeysAsync(connection, transaction, ct), OrleansQueryKeys.Postgres, "PostgreSQL");
        await transaction.CommitAsync(ct);
        logger.LogInformation("Orleans schema on PostgreSQL is current (clustering, grain storage, reminders).");
    }

    private static async Task<List<string>> ReadQueryKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection, transaction);
        return [.. await command.ReadAllAsync(reader => reader.GetString(0), ct)];
    }
}
