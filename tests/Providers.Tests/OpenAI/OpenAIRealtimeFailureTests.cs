using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Providers.OpenAI;
using SyncHire.Providers.Tests.OpenAI.Support;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>How the adapter fails: crisply, once, and never by hanging — the grain reconnects or fails over on it.</summary>
public sealed class OpenAIRealtimeFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_dropped_socket_is_a_fatal_error_and_ends_the_event_stream()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        // Connecting sent one client event (session.update); the next one finds the network gone.
        host.Server.Faults.Arm(OpenAIRealtimeEmulator.Name, new EmulatorFault(FaultKind.Drop, AfterMessages: 2));

        await session.CreateResponseAsync(CancellationToken.None);

        var error = await events.NextAsync<ProviderError>();
        Assert.True(error.Fatal);
        Assert.Equal("connection_lost", error.Code);
        Assert.Empty(await events.EndAsync());
        // Commands on the lost session neither throw nor hang; the loss was reported once, above.
        await session.SendAudioAsync(new byte[640], CancellationToken.None).AsTask().WaitAsync(Timeout);
        await session.CreateResponseAsync(CancellationToken.None).AsTask().WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_server_error_event_is_reported_and_the_session_carries_on()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        host.Server.Faults.Arm(OpenAIRealtimeEmulator.Name, new EmulatorFault(FaultKind.Error, AfterMessages: 2));

        await session.CreateResponseAsync(CancellationToken.None);

        var error = await events.NextAsync<ProviderError>();
        Assert.Equal("server_error", error.Code);
        Assert.False(error.Fatal);
        Assert.Equal(InterviewTools.FetchNextQuestion, (await events.NextAsync<ToolCall>()).Name);
    }

    [Fact]
    public async Task A_provider_refusing_connections_fails_the_connect_at_once()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        host.Server.Faults.Arm(OpenAIRealtimeEmulator.Name, new EmulatorFault(FaultKind.RefuseConnections));

        var failure = await Assert.ThrowsAsync<OpenAIRealtimeConnectException>(
            () => host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(503, failure.StatusCode);
        Assert.Contains("unavailable (HTTP 503)", failure.Message);
        Assert.Contains("/v1/realtime", failure.Message);
    }

    [Fact]
    public async Task A_wrong_key_fails_clearly_without_showing_the_key()
    {
        const string wrongKey = "sk-proj-wrong-Zq81xVt0";
        await using var host = await RealtimeEmulatorHost.StartAsync();

        var failure = await Assert.ThrowsAsync<OpenAIRealtimeConnectException>(
            () => host.Provider(apiKey: wrongKey).ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(401, failure.StatusCode);
        Assert.Contains("API key was rejected", failure.Message);
        Assert.Contains("Providers:OpenAI:ApiKey", failure.Message);
        Assert.DoesNotContain(wrongKey, failure.ToString());
        Assert.DoesNotContain(host.Server.Options.ApiKey, failure.ToString());
        Assert.Empty(host.Recorder.Sessions);
    }

    [Fact]
    public async Task A_rejected_session_configuration_fails_the_connect_with_the_servers_reason()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        // The GA API supports 24 kHz PCM only; an emulator speaking it refuses anything else, as here a bad VAD threshold.
        var options = RealtimeEmulatorHost.Interview(new TurnDetectionSettings(TurnDetectionMode.ServerVad, Threshold: 1.5));

        var failure = await Assert.ThrowsAsync<OpenAIRealtimeConnectException>(
            () => host.Provider().ConnectAsync(options, CancellationToken.None).WaitAsync(Timeout));

        Assert.Contains("rejected the session configuration", failure.Message);
        Assert.Contains("threshold", failure.Message);
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Ended, Timeout);
    }

    [Fact]
    public async Task The_servers_session_time_limit_ends_the_session_with_a_fatal_session_expired()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync(
            settings: new OpenAIRealtimeEmulatorSettings { MaxSessionDuration = TimeSpan.FromSeconds(1) });
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);

        var error = await events.NextAsync<ProviderError>();

        Assert.Equal(("session_expired", true), (error.Code, error.Fatal));
        Assert.Empty(await events.EndAsync());
    }

    [Fact]
    public async Task Disposing_the_session_closes_the_socket_and_ends_the_events_quietly()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);

        await session.DisposeAsync();

        Assert.DoesNotContain(await events.EndAsync(), e => e is ProviderError);
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Ended, Timeout);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.CreateResponseAsync(CancellationToken.None).AsTask());
    }
}
