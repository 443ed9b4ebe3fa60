using SyncHire.Emulators.Shared;
using SyncHire.Providers;
using SyncHire.Grains.Usage;
using SyncHire.Providers.Tests.OpenAI.Support;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>The OpenAI Realtime adapter passes on the token usage the server reports, once per billed call.</summary>
public sealed class OpenAIRealtimeUsageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Every_response_reports_its_response_done_usage_just_before_it_ends_and_transcription_tokens_count_too()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        var greeting = await InterviewSteps.GreetAsync(session, events);
        foreach (var frame in TestAudio.Frames(TestAudio.ToneThenSilence(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(1))))
        {
            await session.SendAudioAsync(frame, CancellationToken.None);
        }

        await events.UntilAsync<ResponseDone>(); // The answer is stored (a tool call), which ends a third response.

        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        var sent = recorded.Responses.Select(r => ReportedTokens.Expected(r.Usage, Defaults.Model)).ToList();
        Assert.Equal(3, sent.Count);
        var all = events.All.ToList();
        var ends = all.Select((e, i) => (e, i)).Where(x => x.e is ResponseDone).Select(x => x.i).ToList();
        Assert.Equal(sent, ends.Select(i => Assert.IsType<UsageReported>(all[i - 1]).Tokens));

        // The fields land where they belong: the greeting's audio out (20 tokens a second of what was spoken) ...
        var spoken = Assert.Single(greeting.OfType<OutputTranscriptDelta>(), t => t.IsFinal).Text;
        var greetingAudio = TimeSpan.FromSeconds(EmulatedSpeech.Synthesize(spoken, 24_000).Length / 2.0 / 24_000);
        Assert.Equal(EmulatedTokens.Audio(greetingAudio, 20), sent[1].OutputAudio);
        Assert.Equal(sent[1].OutputAudio + EmulatedTokens.Text(spoken), sent[1].Output);
        // ... the prefix the first response read comes from the cache for the second, all of it text ...
        Assert.Equal(sent[0].Input, sent[1].Cached);
        Assert.Equal(0, sent[1].CachedAudio);
        // ... and the candidate's 2.5 s answer is 25 audio tokens of input (10 a second) to the response that follows it.
        Assert.Equal(25, sent[2].InputAudio);
        Assert.True(sent[2].Input > sent[1].Input + 25, "the third response reads the whole conversation");

        // gpt-4o-mini-transcribe bills by tokens: the input transcription's usage is reported once as well.
        var transcription = ReportedTokens.Expected(Assert.Single(recorded.TranscriptionUsage), Defaults.InputTranscriptionModel);
        Assert.Equal(
            new TokenUsage(25, EmulatedTokens.Text(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(2.5))), InputAudio: 25) { Model = "gpt-4o-mini-transcribe" },
            transcription);
        Assert.Equal([.. sent.Take(2), transcription, sent[2]], all.OfType<UsageReported>().Select(u => u.Tokens));
    }

    /// <summary>The test host configures no model names: the adapter's defaults name the usage.</summary>
    private static readonly SyncHire.Providers.OpenAI.OpenAIRealtimeOptions Defaults = new();
}
