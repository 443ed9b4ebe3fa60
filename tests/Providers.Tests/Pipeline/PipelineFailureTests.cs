using SyncHire.Emulators.OpenAIHttp;
using SyncHire.Emulators.Shared;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>
/// How the pipeline meets a failing service: brief failures are retried unnoticed; lasting ones and a refused key
/// end the session with one fatal error (which the grain turns into a reconnect or a failover), never a hang.
/// </summary>
public sealed class PipelineFailureTests : IAsyncLifetime
{
    private PipelineTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await PipelineTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<FaultKind> BriefFaults => [FaultKind.Error, FaultKind.Drop, FaultKind.RefuseConnections];

    [Theory]
    [MemberData(nameof(BriefFaults))]
    public async Task A_brief_failure_of_the_chat_call_is_retried_and_the_greeting_is_spoken(FaultKind fault)
    {
        _host.Server.Faults.Arm(OpenAIHttpEmulator.FaultName, new EmulatorFault(fault));
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);

        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        Assert.DoesNotContain(greeting.Events, e => e is ProviderError);
        Assert.StartsWith("Hello Ada Lovelace", greeting.Done.Text);
        Assert.True(greeting.AudioBytes > 0);
        var attempts = _host.Log.Attempts.Where(a => a.Path == "/v1/chat/completions").Select(a => a.Status).ToList();
        Assert.Equal(fault == FaultKind.Error ? 500 : 0, attempts[0]);
        Assert.All(attempts.Skip(1), status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task A_connection_dropped_mid_sentence_is_resumed_without_repeating_or_losing_audio()
    {
        // Requests 0 and 1 are the two chat completions of the greeting; 2 is its first sentence's speech.
        _host.Server.Faults.Arm(OpenAIHttpEmulator.FaultName, new EmulatorFault(FaultKind.Drop, AfterMessages: 2));
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);

        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        var speech = _host.Log.SpeechRequests;
        Assert.Equal(speech[0].Input, speech[1].Input);
        var sentences = speech.Skip(1).Select(r => r.Input).ToList();
        Assert.Equal(greeting.Done.Text, string.Join(" ", sentences));
        Assert.Equal(sentences.Sum(s => EmulatedSpeech.Synthesize(s, 24_000).Length), greeting.AudioBytes);
        Assert.Equal(EmulatedSpeech.Synthesize(sentences[0], 24_000), greeting.Audio.SelectMany(a => a.Pcm16Mono24k.ToArray()).Take(EmulatedSpeech.Synthesize(sentences[0], 24_000).Length));
    }

    [Fact]
    public async Task A_lasting_failure_ends_the_session_with_one_fatal_error_after_the_retries()
    {
        _host.Server.Faults.Arm(OpenAIHttpEmulator.FaultName, new EmulatorFault(FaultKind.Error, Once: false));
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);

        await session.CreateResponseAsync(driver.Token);
        var events = await driver.ReadToEndAsync();

        var error = Assert.IsType<ProviderError>(events[^1]);
        Assert.True(error.Fatal);
        Assert.Equal("pipeline_unavailable", error.Code);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Single(events, e => e is ProviderError);
        Assert.Equal(3, _host.Log.Attempts.Count);

        // The closed session ignores further input instead of throwing at the grain.
        await session.SendTextAsync("Hello?", driver.Token);
        await session.CreateResponseAsync(driver.Token);
    }

    [Fact]
    public async Task A_refused_key_is_a_fatal_error_that_names_the_setting_and_never_the_key()
    {
        const string WrongKey = "sk-wrong-0123456789abcdef";
        await using var session = await _host.ConnectAsync(apiKey: WrongKey);
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);

        await session.CreateResponseAsync(driver.Token);
        var events = await driver.ReadToEndAsync();

        var error = Assert.Single(events.OfType<ProviderError>());
        Assert.True(error.Fatal);
        Assert.Equal("pipeline_unauthorized", error.Code);
        Assert.Contains("Providers:Pipeline:ApiKey", error.Message);
        Assert.DoesNotContain(WrongKey, error.Message);
        Assert.DoesNotContain("cdef", error.Message);
        // A wrong key is not retried: it will not become right.
        Assert.Equal([401], _host.Log.Attempts.Select(a => a.Status));
    }
}
