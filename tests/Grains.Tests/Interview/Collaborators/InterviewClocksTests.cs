using SyncHire.TestSupport;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Tests.Interview.Support;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Collaborators;

/// <summary>The interview's clocks on their own: a manual clock, timers the test fires, the real store in memory.</summary>
public sealed class InterviewClocksTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly ManualGrainTimers _timers;
    private readonly MemoryInterviewStore _memory = new();
    private readonly RecordingCandidate _candidate = new();
    private readonly ClockEvents _events = new();
    private readonly InterviewClocks _clocks;

    public InterviewClocksTests()
    {
        _timers = new ManualGrainTimers(_time);
        var options = new InterviewOptions { TimeWarningLead = TimeSpan.FromMinutes(2), IdleTimeout = TimeSpan.FromMinutes(5) };
        _clocks = new InterviewClocks(_memory.Store, _timers, _candidate, _time, options, _events);
    }

    [Fact]
    public async Task Starting_registers_the_durable_cap_and_liveness_reminders_and_times_the_cap_from_the_persisted_start()
    {
        await StartInterviewAsync(maxMinutes: 10);

        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.Zero), _timers.Reminders[InterviewClocks.HardCapReminder]);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)), _timers.Reminders[InterviewClocks.LivenessReminder]);
        Assert.Equal([Start.AddMinutes(8), Start.AddMinutes(10)], _timers.PendingDueAts);

        await _timers.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(1, _events.CapsReached);
    }

    [Fact]
    public async Task The_warning_is_persisted_sent_once_and_not_rearmed_on_resume()
    {
        await StartInterviewAsync(maxMinutes: 10);

        await _timers.AdvanceAsync(TimeSpan.FromMinutes(8));

        Assert.True(_memory.Core.State.TimeWarningSent);
        Assert.Equal([ServerEventTypes.TimeWarning], _candidate.EventTypes);
        Assert.Equal(120, _candidate.Events[0].GetProperty("remaining_seconds").GetInt32());
        Assert.Equal([TimeSpan.FromMinutes(2)], _events.Warnings);

        _clocks.Resume(); // As a reactivated interview does.

        Assert.Equal([Start.AddMinutes(10), Start.AddMinutes(13)], _timers.PendingDueAts); // The cap and the idle timer, no warning.
    }

    [Fact]
    public async Task A_cap_shorter_than_the_warning_lead_warns_at_half_time()
    {
        await StartInterviewAsync(maxMinutes: 1);

        Assert.Equal([Start.AddSeconds(30), Start.AddMinutes(1)], _timers.PendingDueAts);
    }

    [Fact]
    public async Task The_idle_timeout_ends_only_an_interview_nobody_reconnected_to()
    {
        await StartInterviewAsync(maxMinutes: 60);
        _clocks.StartIdle();
        _events.IsCandidateConnected = true;

        await _timers.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _events.Idles);

        _events.IsCandidateConnected = false;
        _clocks.StartIdle();
        await _timers.AdvanceAsync(TimeSpan.FromMinutes(4));
        _clocks.RestartIdle(); // An answer arrived: the clock starts again.
        await _timers.AdvanceAsync(TimeSpan.FromMinutes(4));

        Assert.Equal(0, _events.Idles);

        await _timers.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, _events.Idles);
    }

    [Fact]
    public async Task A_liveness_reminder_for_an_ended_interview_removes_itself_and_ending_drops_both_reminders()
    {
        await StartInterviewAsync(maxMinutes: 60);
        _memory.Store.State = _memory.Store.State with { Status = InterviewStatus.Completed };

        await _clocks.OnLivenessReminderAsync();

        Assert.False(_timers.Reminders.ContainsKey(InterviewClocks.LivenessReminder));

        await _clocks.StopAsync(wasStarted: true);

        Assert.Empty(_timers.Reminders);
        Assert.Empty(_timers.PendingDueAts);
    }

    private async Task StartInterviewAsync(int maxMinutes)
    {
        _memory.Store.State = new InterviewState
        {
            Definition = new InterviewDefinition { CandidateName = "Ada", MaxDurationMinutes = maxMinutes },
            Status = InterviewStatus.InProgress,
            StartedAt = Start,
            Questions = ["What is a mutex?"],
        };
        await _memory.Store.SaveAsync();
        await _clocks.StartAsync(Start);
    }

    private sealed class ClockEvents : IInterviewClockEvents
    {
        public bool IsCandidateConnected { get; set; }

        public int CapsReached { get; private set; }

        public int Idles { get; private set; }

        public List<TimeSpan> Warnings { get; } = [];

        public Task OnCapReachedAsync()
        {
            CapsReached++;
            return Task.CompletedTask;
        }

        public Task OnTimeWarningAsync(TimeSpan remaining)
        {
            Warnings.Add(remaining);
            return Task.CompletedTask;
        }

        public Task OnIdleAsync()
        {
            Idles++;
            return Task.CompletedTask;
        }
    }
}
