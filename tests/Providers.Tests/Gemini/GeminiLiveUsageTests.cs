using SyncHire.Emulators.Shared;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>The Gemini Live adapter passes on each turn's usageMetadata once, before the turn's response ends.</summary>
public sealed class GeminiLiveUsageTests
{
    [Fact]
    public async Task Each_turns_usage_metadata_is_reported_once_just_before_the_turn_ends()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        await driver.SpeakAsync(TimeSpan.FromSeconds(2.9));
        var answer = await driver.ReadResponseAsync();

        var sent = host.Emulator.ReportedUsage.Select(u => ReportedTokens.Expected(u, new SyncHire.Providers.Gemini.GeminiLiveOptions().Model)).ToList();
        Assert.Equal(2, sent.Count);
        foreach (var (turn, usage) in new[] { greeting, answer }.Zip(sent))
        {
            // Once a turn (never a running total added twice), and before the end of the response it belongs to.
            Assert.Equal(usage, Assert.Single(turn.OfType<UsageReported>()).Tokens);
            Assert.IsType<UsageReported>(turn[^2]);

            // Output audio is 32 tokens a second of the audio the turn spoke.
            var audio = TimeSpan.FromSeconds(turn.OfType<AudioDelta>().Sum(a => a.Pcm16Mono24k.Length) / 2.0 / 24_000);
            Assert.Equal(EmulatedTokens.Audio(audio, 32), usage.OutputAudio);
            Assert.True(usage.Output > usage.OutputAudio, "function calls are text output");
            Assert.Equal(0, usage.Cached);
        }

        // The greeting read only text; the answer turn read the candidate's 2.9 s as 93 audio tokens at each
        // generation step (one per function call, and the last that speaks).
        Assert.Equal(0, sent[0].InputAudio);
        Assert.Equal(93 * (answer.OfType<ToolCall>().Count() + 1), sent[1].InputAudio);
        Assert.True(sent[1].Input > sent[1].InputAudio);
    }
}
