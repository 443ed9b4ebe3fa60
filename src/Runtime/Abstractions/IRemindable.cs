namespace SyncHire.Runtime;

/// <summary>A grain that receives durable reminders. Reminders live in the database and survive silo crashes.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">The period, or <see cref="TimeSpan.Zero"/> for a one-shot reminder.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
