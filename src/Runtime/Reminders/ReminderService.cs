using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Messaging;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Reminders;

/// <summary>
/// Delivers due reminders. Every silo polls the reminder table; a silo claims a due reminder by pushing its due
/// time forward by a lease (compare-and-swap on the ETag), delivers it to the grain wherever it lives, then
/// advances or deletes it. If the silo dies mid-delivery the lease runs out and another silo delivers it: at
/// least once, and never lost with the silo that registered it.
/// </summary>
internal sealed class ReminderService(
    SiloRuntime silo,
    GrainCallInvoker invoker,
    ClusterOptions options,
    ILogger<ReminderService> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReminderPollInterval, silo.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken) && !silo.IsStopping)
            {
                try
                {
                    await DeliverDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Reminder poll failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = silo.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await silo.Storage.ReadDueRemindersAsync(now, BatchSize, cancellationToken);
        foreach (var reminder in due)
        {
            var leaseUntil = now + (long)options.ReminderLease.TotalMilliseconds;
            if (!await silo.Storage.TryUpdateReminderDueAsync(reminder.GrainId, reminder.Name, reminder.ETag, leaseUntil, cancellationToken))
            {
                continue; // Another silo claimed it.
            }

            _ = Task.Run(() => DeliverAsync(reminder, leaseUntil), CancellationToken.None);
        }
    }

    private async Task DeliverAsync(ReminderRecord reminder, long leaseUntil)
    {
        var grainId = GrainId.Parse(reminder.GrainId);
        try
        {
            if (!silo.Types.TryGetByName(grainId.Type, out var type))
            {
                logger.LogWarning("Reminder {Name} of {GrainId}: no such grain type here; retried after the lease", reminder.Name, grainId);
                return;
            }

            var method = silo.Types.GetMethod(typeof(IRemindable), nameof(IRemindable.ReceiveReminder));
            var status = new TickStatus(
                DateTimeOffset.FromUnixTimeMilliseconds(reminder.FirstDueAtMs),
                TimeSpan.FromMilliseconds(reminder.PeriodMs),
                DateTimeOffset.FromUnixTimeMilliseconds(reminder.DueAtMs));
            await invoker.InvokeAsync(grainId, method, [reminder.Name, status]);
            await AdvanceAsync(reminder, leaseUntil);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Delivering reminder {Name} to {GrainId} failed; it is retried when its lease ends", reminder.Name, grainId);
        }
    }

    /// <summary>After delivery: the next period, or gone for a one-shot. Untouched if the grain re-registered it meanwhile.</summary>
    private async Task AdvanceAsync(ReminderRecord delivered, long leaseUntil)
    {
        var current = (await silo.Storage.ReadRemindersAsync(delivered.GrainId, CancellationToken.None))
            .FirstOrDefault(r => r.Name == delivered.Name);
        if (current is null || current.DueAtMs != leaseUntil)
        {
            return;
        }

        if (delivered.PeriodMs <= 0)
        {
            await silo.Storage.TryDeleteReminderAsync(current.GrainId, current.Name, current.ETag, CancellationToken.None);
            return;
        }

        var now = silo.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var next = delivered.DueAtMs + delivered.PeriodMs;
        if (next <= now)
        {
            next += ((now - next) / delivered.PeriodMs + 1) * delivered.PeriodMs;
        }

        await silo.Storage.TryUpdateReminderDueAsync(current.GrainId, current.Name, current.ETag, next, CancellationToken.None);
    }
}
