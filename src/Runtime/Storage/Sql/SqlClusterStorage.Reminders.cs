using System.Data.Common;

namespace SyncHire.Runtime.Storage.Sql;

internal sealed partial class SqlClusterStorage
{
    private const string ReminderColumns = "grain_id, name, first_due_at_ms, due_at_ms, period_ms, etag";

    public Task UpsertReminderAsync(string grainId, string name, long dueAtMs, long periodMs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(periodMs);

        // A new etag on re-registration makes any claim a silo holds on the old schedule fail its CAS.
        return ExecuteAsync(
            $"""
            INSERT INTO reminders ({ReminderColumns}) VALUES (@grain, @name, @due, @due, @period, @etag)
            ON CONFLICT (grain_id, name) DO UPDATE SET
                first_due_at_ms = excluded.first_due_at_ms, due_at_ms = excluded.due_at_ms,
                period_ms = excluded.period_ms, etag = excluded.etag
            """,
            command =>
            {
                command.AddParameter("grain", grainId);
                command.AddParameter("name", name);
                command.AddParameter("due", dueAtMs);
                command.AddParameter("period", periodMs);
                command.AddParameter("etag", NewETag());
            },
            cancellationToken);
    }

    public Task DeleteReminderAsync(string grainId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        ArgumentException.ThrowIfNullOrEmpty(name);

        return ExecuteAsync(
            "DELETE FROM reminders WHERE grain_id = @grain AND name = @name",
            command =>
            {
                command.AddParameter("grain", grainId);
                command.AddParameter("name", name);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReminderRecord>> ReadRemindersAsync(string grainId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        return ReadAsync(
            $"SELECT {ReminderColumns} FROM reminders WHERE grain_id = @grain ORDER BY name",
            command => command.AddParameter("grain", grainId),
            ReadReminder,
            cancellationToken);
    }

    public Task<IReadOnlyList<ReminderRecord>> ReadDueRemindersAsync(long nowMs, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync(
            $"SELECT {ReminderColumns} FROM reminders WHERE due_at_ms <= @now ORDER BY due_at_ms, grain_id, name LIMIT @limit",
            command =>
            {
                command.AddParameter("now", nowMs);
                command.AddParameter("limit", limit);
            },
            ReadReminder,
            cancellationToken);
    }

    public async Task<bool> TryUpdateReminderDueAsync(string grainId, string name, string expectedETag, long newDueAtMs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(expectedETag);

        var changed = await ExecuteAsync(
            "UPDATE reminders SET due_at_ms = @due, etag = @etag WHERE grain_id = @grain AND name = @name AND etag = @expected",
            command =>
            {
                command.AddParameter("due", newDueAtMs);
                command.AddParameter("etag", NewETag());
                command.AddParameter("grain", grainId);
                command.AddParameter("name", name);
                command.AddParameter("expected", expectedETag);
            },
            cancellationToken);
        return changed == 1;
    }

    public async Task<bool> TryDeleteReminderAsync(string grainId, string name, string expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(expectedETag);

        var deleted = await ExecuteAsync(
            "DELETE FROM reminders WHERE grain_id = @grain AND name = @name AND etag = @expected",
            command =>
            {
                command.AddParameter("grain", grainId);
                command.AddParameter("name", name);
                command.AddParameter("expected", expectedETag);
            },
            cancellationToken);
        return deleted == 1;
    }

    private static ReminderRecord ReadReminder(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5));
}
