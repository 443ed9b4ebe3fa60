using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Reminders;

/// <summary>Registers and removes a grain's durable reminders (rows in the shared database).</summary>
internal sealed class ReminderRegistry(IClusterStorage storage, TimeProvider time)
{
    public Task RegisterAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (period < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), "A reminder period cannot be negative.");
        }

        var dueAt = time.GetUtcNow().Add(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime).ToUnixTimeMilliseconds();
        return storage.UpsertReminderAsync(grainId.ToString(), name, dueAt, (long)period.TotalMilliseconds, CancellationToken.None);
    }

    public Task UnregisterAsync(GrainId grainId, string name) =>
        storage.DeleteReminderAsync(grainId.ToString(), name, CancellationToken.None);
}
