using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview's clocks. The hard cap is a durable reminder (it fires even if this silo dies) backed by a grain
/// timer (reminders are polled, the timer ends the interview on the second). The time warning and the idle
/// timeout are grain timers, re-armed on reactivation from the persisted start time. A periodic durable "liveness"
/// reminder brings a live interview back after its silo died: if the candidate has gone too, the reactivated
/// interview's idle timer then ends it, instead of it staying in progress until the cap.
/// </summary>
public sealed partial class InterviewGrain
{
    public const string HardCapReminder = "hard-cap";

    public const string LivenessReminder = "liveness";

    private IDisposable? _capTimer;
    private IDisposable? _warningTimer;
    private IDisposable? _idleTimer;

    /// <summary>When the interview must end, counted from the persisted start.</summary>
    private DateTimeOffset CapAt => State.StartedAt!.Value + TimeSpan.FromMinutes(Definition.MaxDurationMinutes);

    /// <summary>Created → InProgress. The start time is persisted before anything else, so the cap survives any crash.</summary>
    private async Task BeginInterviewAsync()
    {
        var now = Time.GetUtcNow();
        State = State with { Status = InterviewStatus.InProgress, StartedAt = now };
        await WriteStateAsync();
        await UpdateIndexAsync();
        _liveKeepAlive ??= KeepAlive();

        await RegisterLiveReminders(now);
        ScheduleCapTimer();
        ScheduleTimeWarning();
        await EnsureProviderSessionAsync();
    }

    private async Task RegisterLiveReminders(DateTimeOffset now)
    {
        await RegisterOrUpdateReminder(HardCapReminder, CapAt - now, TimeSpan.Zero);
        await RegisterOrUpdateReminder(LivenessReminder, _options.IdleTimeout, _options.IdleTimeout);
    }

    private async Task UnregisterLiveReminders()
    {
        await UnregisterReminder(HardCapReminder);
        await UnregisterReminder(LivenessReminder);
    }

    /// <summary>
    /// Reaching here means the interview is active again (reactivating it ran OnActivateAsync, which arms the idle
    /// timer when no one is connected), so there is nothing to do but drop the reminder once the interview ended.
    /// </summary>
    private async Task OnLivenessReminderAsync()
    {
        if (State.Status != InterviewStatus.InProgress)
        {
            await UnregisterReminder(LivenessReminder);
            return;
        }

        if (_connection is null)
        {
            StartIdleTimer();
        }
    }

    private void ScheduleCapTimer()
    {
        _capTimer?.Dispose();
        _capTimer = RegisterGrainTimer(_ => EndAsync(EndReasons.TimeLimit), CapAt - Time.GetUtcNow(), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Warns the lead time before the cap; a cap shorter than the lead warns at half time.</summary>
    private void ScheduleTimeWarning()
    {
        if (State.TimeWarningSent)
        {
            return;
        }

        var cap = TimeSpan.FromMinutes(Definition.MaxDurationMinutes);
        var lead = _options.TimeWarningLead;
        var warnAt = cap > lead ? CapAt - lead : State.StartedAt!.Value + cap / 2;
        _warningTimer?.Dispose();
        _warningTimer = RegisterGrainTimer(_ => WarnAsync(), warnAt - Time.GetUtcNow(), Timeout.InfiniteTimeSpan);
    }

    private async Task WarnAsync()
    {
        if (State.Status != InterviewStatus.InProgress || State.TimeWarningSent)
        {
            return;
        }

        var now = Time.GetUtcNow();
        var remaining = CapAt - now;
        var seconds = Math.Max(0, (int)Math.Ceiling(remaining.TotalSeconds));
        State = State with { TimeWarningSent = true };
        await WriteStateAsync();
        Send(ServerEvents.TimeWarning(seconds, $"About {Describe(remaining)} left in this interview.", now));
        if (_session is { } session)
        {
            await session.UpdateInstructionsAsync(
                Prompts.InterviewPromptBuilder.WrapUp(BuildInstructions(), remaining), SessionToken);
        }
    }

    /// <summary>Runs while a started interview has no candidate connected; a reconnect stops it.</summary>
    private void StartIdleTimer()
    {
        if (_idleTimer is not null || State.Status != InterviewStatus.InProgress)
        {
            return;
        }

        _idleTimer = RegisterGrainTimer(_ => OnIdleAsync(), _options.IdleTimeout, Timeout.InfiniteTimeSpan);
    }

    private async Task OnIdleAsync()
    {
        _idleTimer = null;
        if (_connection is null && State.Status == InterviewStatus.InProgress)
        {
            await EndAsync(EndReasons.Idle);
        }
    }

    private void StopIdleTimer()
    {
        _idleTimer?.Dispose();
        _idleTimer = null;
    }

    private void StopTimers()
    {
        StopIdleTimer();
        _capTimer?.Dispose();
        _capTimer = null;
        _warningTimer?.Dispose();
        _warningTimer = null;
        StopResilienceTimers();
    }

    private static string Describe(TimeSpan remaining) => remaining.TotalSeconds switch
    {
        < 90 => $"{Math.Max(1, (int)Math.Round(remaining.TotalSeconds))} seconds",
        _ => $"{(int)Math.Round(remaining.TotalMinutes)} minutes",
    };
}
