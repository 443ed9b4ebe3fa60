using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview's durable reminders, by name. Orleans reminders are periodic with a minimum period (one minute by
/// default, <see cref="ReminderOptions.MinimumReminderPeriod"/>); a one-shot reminder here is one whose handler
/// unregisters it when it fires, with the period raised to that minimum.
/// </summary>
internal sealed class GrainReminders(IGrainBase grain, IOptions<ReminderOptions> options)
{
    private TimeSpan MinimumPeriod => options.Value.MinimumReminderPeriod;

    /// <summary>Registers or moves <paramref name="name"/>. A zero <paramref name="period"/> means it fires once.</summary>
    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterOrUpdateReminder(
            name,
            dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime,
            period < MinimumPeriod ? MinimumPeriod : period);

    /// <summary>Removes <paramref name="name"/> if it is registered.</summary>
    public async Task UnregisterAsync(string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
