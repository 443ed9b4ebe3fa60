namespace SyncHire.Grains.Interview;

/// <summary>
/// The clocks an activation can set: one-shot grain timers (their callbacks run as turns) and durable reminders
/// (they fire even after the silo died, through <c>IRemindable.ReceiveReminder</c>). Collaborators take this small
/// interface rather than the grain, so a test can fire the timers itself.
/// </summary>
internal interface IGrainTimers
{
    /// <summary>Calls <paramref name="callback"/> once after <paramref name="dueTime"/> (at once if negative); dispose to cancel.</summary>
    IDisposable StartTimer(Func<Task> callback, TimeSpan dueTime);

    /// <summary>Registers or moves <paramref name="name"/>. A zero <paramref name="period"/> means it fires once.</summary>
    Task RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>Removes <paramref name="name"/> if it is registered.</summary>
    Task UnregisterReminderAsync(string name);
}
