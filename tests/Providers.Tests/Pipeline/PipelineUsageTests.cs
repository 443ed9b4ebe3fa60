using SyncHire.Emulators.Shared;
using SyncHire.Providers;
using SyncHire.Grains.Usage;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>
/// The pipeline reports the usage each OpenAI call answered with: every chat completion's tokens, and the
/// transcription's when its model bills by tokens. Text-to-speech answers with audio only, so it reports nothing.
/// </summary>
public sealed class PipelineUsageTests : IAsyncLifetime
{
    private const string ChatPath = "/v1/chat/completions";
    private const string TranscriptionPath = "/v1/audio/transcriptions";

    private PipelineTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await PipelineTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_chat_completion_reports_its_usage_within_its_response_and_whisper_seconds_are_not_tokens()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();
        await CandidateSpeech.SendAsync(session, CandidateSpeech.Answer(TimeSpan.FromSeconds(2.5)), driver.Token);
        var reply = await driver.ReadResponseAsync();

        var sent = _host.Log.Usage;
        Assert.All(sent, u => Assert.Equal(ChatPath, u.Path)); // whisper-1 reported seconds, which are not tokens.
        Assert.Equal(_host.Log.ChatRequests.Count, sent.Count);
        var reported = greeting.Events.Concat(reply.Events).OfType<UsageReported>().Select(u => u.Tokens).ToList();
        Assert.Equal(sent.Select(u => ReportedTokens.Expected(u.Usage, new SyncHire.Providers.Pipeline.PipelineProviderOptions().ChatModel)), reported);
        // One completion per tool call, and the one that speaks: each response's calls are reported inside it.
        Assert.Equal(greeting.ToolCalls.Count + 1, greeting.Events.OfType<UsageReported>().Count());
        Assert.Equal(reply.ToolCalls.Count + 1, reply.Events.OfType<UsageReported>().Count());
        Assert.All(reported, tokens => Assert.True(tokens.Input > 0 && tokens.Output > 0 && tokens.OutputAudio == 0));
    }

    [Fact]
    public async Task A_token_billed_transcription_model_reports_the_audio_tokens_of_the_turn()
    {
        await using var session = await _host.ConnectAsync(configure: o => o.TranscriptionModel = "gpt-4o-mini-transcribe");
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await CandidateSpeech.SendAsync(session, CandidateSpeech.Answer(TimeSpan.FromSeconds(2.5)), driver.Token);
        var reply = await driver.ReadResponseAsync();

        var upload = Assert.Single(_host.Log.TranscriptionRequests);
        var transcription = Assert.Single(_host.Log.Usage, u => u.Path == TranscriptionPath);
        var expected = new TokenUsage(
            EmulatedTokens.Audio(upload.Wav.Duration, 10), EmulatedTokens.Text(upload.Text), InputAudio: EmulatedTokens.Audio(upload.Wav.Duration, 10))
        {
            Model = "gpt-4o-mini-transcribe",
        };
        Assert.Equal(expected, ReportedTokens.Expected(transcription.Usage, "gpt-4o-mini-transcribe"));
        // Reported first in the reply: the transcription is the first call made for it.
        Assert.Equal(expected, reply.Events.OfType<UsageReported>().First().Tokens);
    }
}
