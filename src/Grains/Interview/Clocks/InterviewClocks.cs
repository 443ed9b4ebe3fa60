using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Grains.Interview;

/// <summary>What the interview's clocks ask of the interview when they run out; each is called inside a turn.</summary>
internal interface IInterviewClockEvents
{
    bool IsCandidateConnected { get; }

    /// <summary>The hard cap: end as time_limit.</summary>
    Task OnCapReachedAsync();

    /// <summary>The warning before the cap went out to the candidate: the interviewer should wrap up too.</summary>
    Task OnTimeWarningAsync(TimeSpan remaining);

    /// <summary>No candidate has been connected for the idle timeout: end as idle.</summary>
    Task OnIdleAsync();
}

/// <summary>
/// The interview's clocks. The hard cap is a durable reminder (it fires even if this silo dies) backed by a grain
/// timer (reminders are polled, the timer ends the interview on the second). The time warning and the idle
/// timeout are grain timers, re-armed on reactivation from the persisted start time (<see cref="Resume"/>). A
/// periodic durable "liveness" reminder brings a live interview back after its silo died: if the candidate has gone
/// too, the reactivated interview's idle timer then ends it, instead of it staying in progress until the cap.
/// </summary>
/// <remarks>Used only inside turns: timer callbacks are turns too.</remarks>
internal sealed class InterviewClocks(
    InterviewStore store, IGrainTimers timers, ICandidateSender candidate, TimeProvider time, InterviewOptions options, IInterviewClockEvents events)
{
    public const string HardCapReminder = "hard-cap";

    public const string LivenessReminder = "liveness";

    private IDisposable? _capTimer;
    private IDisposable? _warningTimer;
    private IDisposable? _idleTimer;

    /// <summary>When the interview must end, counted from the persisted start.</summary>
    public DateTimeOffset CapAt => store.State.StartedAt!.Value + TimeSpan.FromMinutes(store.Definition.MaxDurationMinutes);

    public bool IsCapReached => time.GetUtcNow() >= CapAt;

    public bool IsIdleTimerRunning => _idleTimer is not null;

    /// <summary>The interview just started (its start time persisted): the durable reminders, the cap and the warning.</summary>
    public async Task StartAsync(DateTimeOffset now)
    {
        await timers.RegisterReminderAsync(HardCapReminder, CapAt - now, TimeSpan.Zero);
        await timers.RegisterReminderAsync(LivenessReminder, options.IdleTimeout, options.IdleTimeout);
        ScheduleCap();
        ScheduleTimeWarning();
    }

    /// <summary>A running interview reactivated: its timers again, from the persisted start; idle until a candidate attaches.</summary>
    public void Resume()
    {
        ScheduleCap();
        ScheduleTimeWarning();
        StartIdle();
    }

    /// <summary>The interview ended: every timer stops, and the durable reminders go when it had started.</summary>
    public async Task StopAsync(bool wasStarted)
    {
        StopIdle();
        _capTimer?.Dispose();
        _capTimer = null;
        _warningTimer?.Dispose();
        _warningTimer = null;
        if (wasStarted)
        {
            await UnregisterRemindersAsync();
        }
    }

    public async Task UnregisterRemindersAsync()
    {
        await timers.UnregisterReminderAsync(HardCapReminder);
        await timers.UnregisterReminderAsync(LivenessReminder);
    }

    /// <summary>
    /// Reaching here means the interview is active again (reactivating it resumed the clocks, which arms the idle
    /// timer when no one is connected), so there is nothing to do but drop the reminder once the interview ended.
    /// </summary>
    public async Task OnLivenessReminderAsync()
    {
        if (store.State.Status != InterviewStatus.InProgress)
        {
            await timers.UnregisterReminderAsync(LivenessReminder);
            return;
        }

        if (!events.IsCandidateConnected)
        {
            StartIdle();
        }
    }

    /// <summary>Runs while a started interview has no candidate connected; a reconnect stops it.</summary>
    public void StartIdle()
    {
        if (_idleTimer is not null || store.State.Status != InterviewStatus.InProgress)
        {
            return;
        }

        _idleTimer = timers.StartTimer(OnIdleAsync, options.IdleTimeout);
    }

    public void StopIdle()
    {
        _idleTimer?.Dispose();
        _idleTimer = null;
    }

    /// <summary>A typed interview is idle when no answer arrives for the idle timeout: each request starts the clock again.</summary>
    public void RestartIdle()
    {
        StopIdle();
        if (!events.IsCandidateConnected)
        {
            StartIdle();
        }
    }

    /// <summary>How the warning puts the time left: seconds under a minute and a half, whole minutes above.</summary>
    private static string Describe(TimeSpan remaining) => remaining.TotalSeconds switch
    {
        < 90 => $"{Math.Max(1, (int)Math.Round(remaining.TotalSeconds))} seconds",
        _ => $"{(int)Math.Round(remaining.TotalMinutes)} minutes",
    };

    private void ScheduleCap()
    {
        _capTimer?.Dispose();
        _capTimer = timers.StartTimer(events.OnCapReachedAsync, CapAt - time.GetUtcNow());
    }

    /// <summary>Warns the lead time before the cap; a cap shorter than the lead warns at half time.</summary>
    private void ScheduleTimeWarning()
    {
        if (store.State.TimeWarningSent)
        {
            return;
        }

        var cap = TimeSpan.FromMinutes(store.Definition.MaxDurationMinutes);
        var lead = options.TimeWarningLead;
        var warnAt = cap > lead ? CapAt - lead : store.State.StartedAt!.Value + cap / 2;
        _warningTimer?.Dispose();
        _warningTimer = timers.StartTimer(WarnAsync, warnAt - time.GetUtcNow());
    }

    private async Task WarnAsync()
    {
        if (store.State.Status != InterviewStatus.InProgress || store.State.TimeWarningSent)
        {
            return;
        }

        var now = time.GetUtcNow();
        var remaining = CapAt - now;
        store.State = store.State with { TimeWarningSent = true };
        await store.SaveAsync();
        var seconds = Math.Max(0, (int)Math.Ceiling(remaining.TotalSeconds));
        candidate.Send(ServerEvents.TimeWarning(seconds, $"About {Describe(remaining)} left in this interview.", now));
        await events.OnTimeWarningAsync(remaining);
    }

    private async Task OnIdleAsync()
    {
        _idleTimer = null;
        if (!events.IsCandidateConnected && store.State.Status == InterviewStatus.InProgress)
        {
            await events.OnIdleAsync();
        }
    }
}
