namespace SyncHire.Providers.Tests.Core;

/// <summary>Failover as an adapter: the primary first, then each backup, and the caller told which one answered.</summary>
public sealed class FallbackRealtimeProviderTests
{
    private static readonly RealtimeSessionOptions Options = new(
        "Interview Ada.", new InterviewBrief("Ada", "Engineer", "intermediate", 2), [], [], Voice: "alloy", Model: "gpt-realtime");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_primary_is_used_when_it_accepts_with_the_interview_s_voice_and_model()
    {
        var primary = new StubProvider("primary");
        var backup = new StubProvider("backup");

        var session = await new FallbackRealtimeProvider([primary, backup]).ConnectAsync(Options, Token);

        Assert.Equal(("primary", false), (session.ProviderName, session.IsBackup));
        Assert.Same(primary.Sessions.Single(), session.Inner);
        Assert.Equal(Options, primary.Attempts.Single());
        Assert.Empty(backup.Attempts);
    }

    [Fact]
    public async Task A_refused_primary_fails_over_to_the_backup_without_its_voice_or_model()
    {
        var primary = new StubProvider("primary") { Refusal = new IOException("connection refused") };
        var backup = new StubProvider("backup");
        IRealtimeProvider adapter = new FallbackRealtimeProvider([primary, backup]);

        var session = Assert.IsType<FallbackRealtimeSession>(await adapter.ConnectAsync(Options, Token));

        Assert.Equal(("backup", true), (session.ProviderName, session.IsBackup));
        Assert.Same(backup, session.Provider);
        Assert.Equal(Options with { Voice = null, Model = null }, backup.Attempts.Single());
        Assert.Equal("primary", adapter.Name);
    }

    [Fact]
    public async Task A_provider_not_configured_here_is_skipped()
    {
        var primary = new StubProvider("primary", configured: false);
        var backup = new StubProvider("backup");

        var session = await new FallbackRealtimeProvider([primary, backup]).ConnectAsync(Options, Token);

        Assert.Empty(primary.Attempts);
        Assert.Equal(("backup", true), (session.ProviderName, session.IsBackup));
    }

    [Fact]
    public async Task A_provider_s_own_timeout_counts_as_a_failure()
    {
        var primary = new StubProvider("primary") { Refusal = new TaskCanceledException("connect timed out") };
        var backup = new StubProvider("backup");

        var session = await new FallbackRealtimeProvider([primary, backup]).ConnectAsync(Options, Token);

        Assert.Equal("backup", session.ProviderName);
    }

    [Fact]
    public async Task When_every_provider_fails_each_failure_is_reported()
    {
        var first = new IOException("primary down");
        var second = new InvalidOperationException("backup down");
        var adapter = new FallbackRealtimeProvider(
            [new StubProvider("primary") { Refusal = first }, new StubProvider("backup") { Refusal = second }]);

        var failure = await Assert.ThrowsAsync<AggregateException>(() => adapter.ConnectAsync(Options, Token));

        Assert.Equal([first, second], failure.InnerExceptions);
        Assert.Contains("primary, backup", failure.Message);
    }

    [Fact]
    public async Task The_caller_s_cancellation_stops_the_failover()
    {
        var primary = new StubProvider("primary") { Hangs = true };
        var backup = new StubProvider("backup");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var connecting = new FallbackRealtimeProvider([primary, backup]).ConnectAsync(Options, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
        Assert.Empty(backup.Attempts);
    }

    [Fact]
    public void Capabilities_are_what_holds_whichever_provider_connects()
    {
        var adapter = new FallbackRealtimeProvider(
        [
            new StubProvider("a", capabilities: new(MaxSessionDuration: TimeSpan.FromMinutes(55), ServerTurnDetection: true, ReportsUsage: true)),
            new StubProvider("b", capabilities: new(SessionResumption: true, ServerTurnDetection: true, ReportsUsage: true)),
            new StubProvider("c", capabilities: new(MaxSessionDuration: TimeSpan.FromMinutes(30), ServerTurnDetection: true)),
        ]);

        Assert.Equal(new RealtimeCapabilities(TimeSpan.FromMinutes(30), SessionResumption: false, ServerTurnDetection: true, ReportsUsage: false), adapter.Capabilities);
        Assert.True(adapter.IsConfigured);
    }

    [Fact]
    public async Task The_session_passes_commands_to_the_connected_provider_and_carries_its_capabilities()
    {
        var limited = new RealtimeCapabilities(MaxSessionDuration: TimeSpan.FromMinutes(55));
        var primary = new StubProvider("primary", capabilities: limited);
        await using var session = await new FallbackRealtimeProvider([primary, new StubProvider("backup")]).ConnectAsync(Options, Token);

        await session.SendAudioAsync(new byte[640], Token);
        await session.CommitTurnAsync(Token);
        await session.SendTextAsync("hi", Token);
        await session.CreateResponseAsync(Token);
        await session.CancelResponseAsync(TimeSpan.FromMilliseconds(250), Token);
        await session.UpdateInstructionsAsync("be brief", Token);
        await session.SendToolResultAsync("call-1", "{}", Token);
        await session.DisposeAsync();

        var inner = primary.Sessions.Single();
        Assert.Equal(["audio:640", "commit", "text:hi", "create", "cancel:250", "instructions:be brief", "tool:call-1:{}"], inner.Commands);
        Assert.True(inner.Disposed);
        Assert.Same(inner.Events, session.Events);
        Assert.Equal(limited, session.Capabilities);
    }
}
