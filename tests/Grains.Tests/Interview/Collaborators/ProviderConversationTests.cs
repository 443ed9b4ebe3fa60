using SyncHire.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.Grains.Interview;
using SyncHire.Providers;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.Grains.Usage;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Collaborators;

/// <summary>
/// The provider conversation's resilience on its own: reconnects with doubling delays, a backup through the fallback adapter, and the end when
/// nobody can be reached, driven by the scripted provider plugin and timers the test fires.
/// </summary>
public sealed class ProviderConversationTests
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ManualGrainTimers _timers;
    private readonly ScriptedProvider _primary = new();
    private readonly ScriptedProvider _backup = new() { Name = "backup" };
    private readonly Host _host = new();

    public ProviderConversationTests() => _timers = new ManualGrainTimers(_time);

    [Fact]
    public async Task A_lost_session_is_reopened_after_doubling_delays_and_the_candidate_hears_both_notices()
    {
        var conversation = Create(fallback: null);
        await conversation.EnsureOpenAsync();
        var first = await _primary.NextSessionAsync();
        _primary.FailingConnections = 2;

        await conversation.OnSessionLostAsync(first, "socket closed");
        Assert.Null(conversation.Session);
        Assert.True(conversation.IsReconnecting);
        await _timers.AdvanceAsync(FirstDelay);     // attempt 1 fails
        await _timers.AdvanceAsync(FirstDelay * 2); // attempt 2 fails
        await _timers.AdvanceAsync(FirstDelay * 4); // attempt 3 opens

        Assert.Equal([FirstDelay, FirstDelay * 2, FirstDelay * 4], _timers.StartedDueTimes);
        Assert.NotNull(conversation.Session);
        Assert.NotSame(first, conversation.Session);
        Assert.False(conversation.IsReconnecting);
        Assert.Equal(["The interviewer's connection dropped. Reconnecting…", "Reconnected. Let's continue."], _host.Notices);
        Assert.Equal(4, _primary.ConnectionAttempts);
        Assert.Equal(0, _host.Unreachable);
    }

    [Fact]
    public async Task With_a_fallback_adapter_the_backup_answers_when_the_primary_cannot_and_the_candidate_is_told_once()
    {
        var conversation = Create(fallback: "backup");
        _primary.FailingConnections = -1;

        await conversation.EnsureOpenAsync();

        Assert.NotNull(conversation.Session);
        Assert.True(conversation.OnBackup);
        Assert.Equal("backup", conversation.ProviderName);
        Assert.False(conversation.IsReconnecting);
        Assert.Equal(["Switching to a backup interviewer…"], _host.Notices);
        Assert.Equal((1, 1), (_primary.ConnectionAttempts, _backup.ConnectionAttempts));

        // The backup's session drops while the primary is back: the reconnect starts from the primary again.
        _primary.FailingConnections = 0;
        await conversation.OnSessionLostAsync(conversation.Session, "socket closed");
        await _timers.AdvanceAsync(FirstDelay);

        Assert.False(conversation.OnBackup);
        Assert.Equal(_primary.Name, conversation.ProviderName);
        Assert.Equal(["Switching to a backup interviewer…", "The interviewer's connection dropped. Reconnecting…", "Reconnected. Let's continue."], _host.Notices);
    }

    [Fact]
    public async Task When_neither_the_primary_nor_the_backup_answers_every_attempt_tries_both_then_it_gives_up()
    {
        var conversation = Create(fallback: "backup");
        _primary.FailingConnections = -1;
        _backup.FailingConnections = -1;

        await conversation.EnsureOpenAsync();
        await _timers.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([FirstDelay, FirstDelay * 2, FirstDelay * 4], _timers.StartedDueTimes);
        Assert.Equal(4, _primary.ConnectionAttempts); // The first open and three reconnects, each trying both.
        Assert.Equal(4, _backup.ConnectionAttempts);
        Assert.DoesNotContain("Switching to a backup interviewer…", _host.Notices);
        Assert.Equal(1, _host.Unreachable);
        Assert.Empty(_timers.PendingDueAts);
    }

    [Fact]
    public async Task Without_a_fallback_it_gives_up_after_the_configured_attempts()
    {
        var conversation = Create(fallback: null);
        _primary.FailingConnections = -1;

        await conversation.EnsureOpenAsync();
        await _timers.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(4, _primary.ConnectionAttempts);
        Assert.Equal(1, _host.Unreachable);
        Assert.Equal("The interviewer is unavailable, so the interview has to end here. We are sorry.", _host.Notices[^1]);
    }

    [Fact]
    public async Task A_rollover_replaces_the_session_and_a_late_loss_of_the_old_one_changes_nothing()
    {
        var usage = new InterviewUsageMeter();
        var conversation = Create(fallback: null, usage);
        await conversation.EnsureOpenAsync();
        var first = await _primary.NextSessionAsync();

        Assert.True(await conversation.TryOpenAsync(speakFirst: false));
        var second = await _primary.NextSessionAsync();
        await first.NextCommandAsync("dispose");
        await conversation.OnSessionLostAsync(first, "late report of the old session");

        Assert.Same(second, conversation.Session);
        Assert.False(conversation.IsReconnecting);
        Assert.Empty(_host.Notices);
    }

    [Fact]
    public async Task The_live_sessions_events_reach_the_interview_in_order_and_usage_only_the_meter()
    {
        var usage = new InterviewUsageMeter();
        var conversation = Create(fallback: null, usage);
        await conversation.EnsureOpenAsync();
        var session = await _primary.NextSessionAsync();

        session.Emit(new UsageReported(new TokenUsage(10, 5)), new SpeechStarted(TimeSpan.Zero));
        await _host.EventSeen.Task.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal([typeof(SpeechStarted)], _host.Events.Select(e => e.GetType()));
        Assert.False(usage.IsEmpty);
    }

    private ProviderConversation Create(string? fallback, InterviewUsageMeter? usage = null)
    {
        var options = new InterviewOptions { ProviderReconnectAttempts = 3, ProviderReconnectDelay = FirstDelay };
        // What the registry hands the grain: the provider itself, or with a fallback configured the adapter over both.
        IRealtimeProvider provider = fallback is null ? _primary : new FallbackRealtimeProvider([_primary, _backup]);
        var conversation = new ProviderConversation("interview-1", () => _primary.Name, _ => provider,
            options, _timers, new SerialTurns(), usage ?? new InterviewUsageMeter(), NullLogger.Instance, _host);
        return conversation;
    }

    private sealed class Host : IConversationHost
    {
        public bool IsLive => true;

        public List<string> Notices { get; } = [];

        public List<ProviderEvent> Events { get; } = [];

        public TaskCompletionSource EventSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Unreachable { get; private set; }

        public RealtimeSessionOptions DescribeSession()
        {
            return new RealtimeSessionOptions("instructions", new InterviewBrief("Ada", "Engineer", "intermediate", 1), [], [], null, null, null);
        }

        public Task OnEventAsync(IRealtimeSession session, ProviderEvent providerEvent)
        {
            Events.Add(providerEvent);
            EventSeen.TrySetResult();
            return Task.CompletedTask;
        }

        public void OnSessionChanged()
        {
        }

        public void Notify(string message) => Notices.Add(message);

        public Task OnUnreachableAsync()
        {
            Unreachable++;
            return Task.CompletedTask;
        }
    }
}
