using System.Data.Common;

namespace SyncHire.Runtime.Storage.Sql;

internal sealed partial class SqlClusterStorage
{
    private const string DirectoryColumns = "grain_id, silo_id, activation_id, created_at_ms";

    public async Task<DirectoryEntry?> LookupAsync(string grainId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        var rows = await ReadAsync(
            $"SELECT {DirectoryColumns} FROM grain_directory WHERE grain_id = @grain",
            command => command.AddParameter("grain", grainId),
            ReadDirectoryEntry,
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<DirectoryEntry> RegisterAsync(DirectoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.GrainId, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.SiloId, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.ActivationId, nameof(entry));

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);

        // Insert-first: on PostgreSQL a conflicting insert waits for the racing transaction and then yields, so
        // exactly one of two racing registrations creates the row. On SQLite the transaction is exclusive anyway.
        // The loop covers a concurrent unregister deleting the row between the insert and the locking read.
        while (true)
        {
            await using (var insert = connection.CreateCommand(
                transaction,
                $"INSERT INTO grain_directory ({DirectoryColumns}) VALUES (@grain, @silo, @activation, @created) ON CONFLICT (grain_id) DO NOTHING"))
            {
                BindEntry(insert, entry);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return entry;
                }
            }

            var existing = await ReadEntryForUpdateAsync(connection, transaction, entry.GrainId, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (await IsLiveSiloAsync(connection, transaction, existing.SiloId, cancellationToken))
            {
                await transaction.CommitAsync(cancellationToken);
                return existing;
            }

            // The holder is Dead or unknown: its activation is gone, so this one takes the grain over.
            await using (var replace = connection.CreateCommand(
                transaction,
                "UPDATE grain_directory SET silo_id = @silo, activation_id = @activation, created_at_ms = @created WHERE grain_id = @grain"))
            {
                BindEntry(replace, entry);
                await replace.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return entry;
        }
    }

    public Task UnregisterAsync(string grainId, string activationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        ArgumentException.ThrowIfNullOrEmpty(activationId);

        return ExecuteAsync(
            "DELETE FROM grain_directory WHERE grain_id = @grain AND activation_id = @activation",
            command =>
            {
                command.AddParameter("grain", grainId);
                command.AddParameter("activation", activationId);
            },
            cancellationToken);
    }

    private async Task<DirectoryEntry?> ReadEntryForUpdateAsync(DbConnection connection, DbTransaction transaction, string grainId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
            transaction,
            $"SELECT {DirectoryColumns} FROM grain_directory WHERE grain_id = @grain{dialect.LockRowsSuffix}");
        command.AddParameter("grain", grainId);
        var rows = await command.ReadAllAsync(ReadDirectoryEntry, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<bool> IsLiveSiloAsync(DbConnection connection, DbTransaction transaction, string siloId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT status FROM silos WHERE silo_id = @silo");
        command.AddParameter("silo", siloId);
        var status = await command.ExecuteScalarAsync(cancellationToken);
        return status is not null and not DBNull
            && (SiloStatus)Convert.ToInt32(status, System.Globalization.CultureInfo.InvariantCulture) != SiloStatus.Dead;
    }

    private static void BindEntry(DbCommand command, DirectoryEntry entry)
    {
        command.AddParameter("grain", entry.GrainId);
        command.AddParameter("silo", entry.SiloId);
        command.AddParameter("activation", entry.ActivationId);
        command.AddParameter("created", entry.CreatedAtMs);
    }

    private static DirectoryEntry ReadDirectoryEntry(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
}
