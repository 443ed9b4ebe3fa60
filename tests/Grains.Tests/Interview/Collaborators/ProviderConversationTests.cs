using SyncHire.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.Grains.Interview;
using SyncHire.Providers;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.Grains.Usage;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Collaborators;

/// <summary>
/// The provider conversation's resilience on its own: reconnects with doubling delays, one failover, and the end when
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
    public async Task When_every_attempt_fails_it_fails_over_once_with_the_attempts_starting_again_then_gives_up()
    {
        var conversation = Create(fallback: "backup");
        _primary.FailingConnections = -1;
        _backup.FailingConnections = -1;

        await conversation.EnsureOpenAsync();
        await _timers.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(
            [FirstDelay, FirstDelay * 2, FirstDelay * 4, FirstDelay, FirstDelay * 2, FirstDelay * 4],
            _timers.StartedDueTimes);
        Assert.Equal(4, _primary.ConnectionAttempts); // The first open and three reconnects.
        Assert.Equal(3, _backup.ConnectionAttempts);
        Assert.Equal("backup", conversation.ProviderName);
        Assert.Equal([false, false, false, false, true, true, true], _host.OpenedOnFallback);
        Assert.Contains("Switching to a backup interviewer…", _host.Notices);
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

    [Fact]
    public void Failover_goes_to_the_fallback_once_and_never_to_the_provider_that_failed()
    {
        var same = new ProviderFailover("openai");
        Assert.False(same.TryFailOver("OpenAI", out _));
        Assert.Equal("gemini", same.ProviderFor("gemini"));

        var failover = new ProviderFailover("offline");
        Assert.True(failover.TryFailOver("openai", out var fallback));
        Assert.Equal("offline", fallback);
        Assert.True(failover.FailedOver);
        Assert.Equal("offline", failover.ProviderFor("openai"));
        Assert.False(failover.TryFailOver("offline", out _));

        Assert.False(new ProviderFailover(null).TryFailOver("openai", out _));
    }

    private ProviderConversation Create(string? fallback, InterviewUsageMeter? usage = null)
    {
        var options = new InterviewOptions { ProviderReconnectAttempts = 3, ProviderReconnectDelay = FirstDelay, FallbackProvider = fallback };
        var providers = new Dictionary<string, IRealtimeProvider>(StringComparer.OrdinalIgnoreCase)
        {
            [_primary.Name] = _primary,
            [_backup.Name] = _backup,
        };
        var conversation = new ProviderConversation("interview-1", () => _primary.Name, name => providers[name ?? _primary.Name],
            options, _timers, new SerialTurns(), usage ?? new InterviewUsageMeter(), NullLogger.Instance, _host);
        return conversation;
    }

    private sealed class Host : IConversationHost
    {
        public bool IsLive => true;

        public List<string> Notices { get; } = [];

        public List<bool> OpenedOnFallback { get; } = [];

        public List<ProviderEvent> Events { get; } = [];

        public TaskCompletionSource EventSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Unreachable { get; private set; }

        public RealtimeSessionOptions DescribeSession(bool onFallback)
        {
            OpenedOnFallback.Add(onFallback);
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
