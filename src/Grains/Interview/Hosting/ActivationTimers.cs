using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace SyncHire.Grains.Interview;

/// <summary>
/// <see cref="IGrainTimers"/> on a real activation: grain timers and the interview's durable reminders, by name.
/// Orleans reminders are periodic with a minimum period (one minute by default,
/// <see cref="ReminderOptions.MinimumReminderPeriod"/>); a one-shot reminder here is one whose handler unregisters
/// it when it fires, with the period raised to that minimum.
/// </summary>
internal sealed class ActivationTimers(IGrainBase grain, IOptions<ReminderOptions> options) : IGrainTimers
{
    private TimeSpan MinimumPeriod => options.Value.MinimumReminderPeriod;

    public IDisposable StartTimer(Func<Task> callback, TimeSpan dueTime) =>
        grain.RegisterGrainTimer(_ => callback(), dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, Timeout.InfiniteTimeSpan);

    public Task RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterOrUpdateReminder(
            name,
            dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime,
            period < MinimumPeriod ? MinimumPeriod : period);

    public async Task UnregisterReminderAsync(string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
