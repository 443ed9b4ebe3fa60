using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

using SyncHire.Platform.Storage.Sql;

namespace SyncHire.OrleansStorage;

/// <summary>
/// Orleans reminders in the embedded single node's SQLite file (table SyncHireReminders, created by the SQLite
/// migration), because Orleans' ADO.NET reminders have no SQLite dialect. Same semantics as AdoNetReminderTable:
/// rows per service id, the grain's uniform hash as its ring position, an ETag that changes on every upsert and
/// guards removal. Upserts are unconditional, as in Orleans' own tables.
/// </summary>
public sealed class SqliteReminderTable(string connectionString, string serviceId) : IReminderTable
{
    private const string Columns = "GrainId, ReminderName, StartAtTicks, PeriodTicks, ETag";

    /// <summary>
    /// SQLite has one writer per file and the silo is the file's only process: callers queue here, in memory,
    /// rather than on the file lock, where grain storage's writes queue as well.
    /// </summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync(
            $"SELECT {Columns} FROM SyncHireReminders WHERE ServiceId = @serviceId AND GrainId = @grainId",
            command => command.Parameters.AddWithValue("@grainId", grainId.ToString()));

    /// <summary>Rows with hash in (begin, end]; when begin &gt;= end the range wraps past uint.MaxValue to 0.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var range = begin < end
            ? "GrainHash > @begin AND GrainHash <= @end"
            : "(GrainHash > @begin OR GrainHash <= @end)";
        return ReadAsync(
            $"SELECT {Columns} FROM SyncHireReminders WHERE ServiceId = @serviceId AND {range}",
            command =>
            {
                // As 64-bit integers: the whole uint ring, no sign flip past int.MaxValue.
                command.Parameters.AddWithValue("@begin", (long)begin);
                command.Parameters.AddWithValue("@end", (long)end);
            });
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync(
            $"SELECT {Columns} FROM SyncHireReminders WHERE ServiceId = @serviceId AND GrainId = @grainId AND ReminderName = @name",
            command =>
            {
                command.Parameters.AddWithValue("@grainId", grainId.ToString());
                command.Parameters.AddWithValue("@name", reminderName);
            });
        return rows.Reminders.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        await ExecuteAsync(
            """
            INSERT INTO SyncHireReminders (ServiceId, GrainId, ReminderName, StartAtTicks, PeriodTicks, GrainHash, ETag)
            VALUES (@serviceId, @grainId, @name, @startAt, @period, @hash, @etag)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE SET
                StartAtTicks = excluded.StartAtTicks,
                PeriodTicks = excluded.PeriodTicks,
                GrainHash = excluded.GrainHash,
                ETag = excluded.ETag
            """,
            command =>
            {
                command.Parameters.AddWithValue("@grainId", entry.GrainId.ToString());
                command.Parameters.AddWithValue("@name", entry.ReminderName);
                command.Parameters.AddWithValue("@startAt", ToUtc(entry.StartAt).Ticks);
                command.Parameters.AddWithValue("@period", entry.Period.Ticks);
                command.Parameters.AddWithValue("@hash", (long)entry.GrainId.GetUniformHashCode());
                command.Parameters.AddWithValue("@etag", etag);
            });
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var removed = await ExecuteAsync(
            "DELETE FROM SyncHireReminders WHERE ServiceId = @serviceId AND GrainId = @grainId AND ReminderName = @name AND ETag = @etag",
            command =>
            {
                command.Parameters.AddWithValue("@grainId", grainId.ToString());
                command.Parameters.AddWithValue("@name", reminderName);
                command.Parameters.AddWithValue("@etag", eTag);
            });
        return removed > 0;
    }

    public Task TestOnlyClearTable() =>
        ExecuteAsync("DELETE FROM SyncHireReminders WHERE ServiceId = @serviceId", _ => { });

    /// <summary>Orleans' ADO.NET table reads an unspecified kind as UTC; so does this one.</summary>
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private async Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> bind)
    {
        var entries = new List<ReminderEntry>();
        await RunAsync(sql, bind, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = reader.GetString(4),
                });
            }
        });
        return new ReminderTableData(entries);
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind)
    {
        var affected = 0;
        await RunAsync(sql, bind, async command => affected = await command.ExecuteNonQueryAsync());
        return affected;
    }

    private async Task RunAsync(string sql, Action<SqliteCommand> bind, Func<SqliteCommand, Task> run)
    {
        await _gate.WaitAsync();
        try
        {
            await using var connection = await SqliteDatabaseFile.OpenAsync(connectionString, CancellationToken.None);
            await using var command = new SqliteCommand(sql, connection);
            command.Parameters.AddWithValue("@serviceId", serviceId);
            bind(command);
            await run(command);
        }
        finally
        {
            _gate.Release();
        }
    }
}
