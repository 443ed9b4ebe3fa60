using System.Text.Json;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// An audio frame never reaches the service ahead of a message queued before it: the service must see the turn's
/// start (and a typed answer) before the audio that follows.
/// </summary>
public sealed class GeminiLiveInputOrderTests
{
    [Fact]
    public async Task Push_to_talk_audio_arrives_between_activity_start_and_activity_end()
    {
        await using var server = await ScriptedLiveServer.StartAsync();
        await using var session = await server.ConnectAsync(new TurnDetectionSettings(TurnDetectionMode.PushToTalk));
        var token = TestContext.Current.CancellationToken;
        Assert.True((await server.NextReceivedAsync(token)).TryGetProperty("setup", out _));

        var frame = GeminiDriver.Tone(TimeSpan.FromMilliseconds(20));
        for (var i = 0; i < 3; i++)
        {
            await session.SendAudioAsync(frame, token);
        }

        await session.CommitTurnAsync(token);

        string[] received = [await NextInputAsync(), await NextInputAsync(), await NextInputAsync(), await NextInputAsync(), await NextInputAsync()];
        Assert.Equal(["activityStart", "audio", "audio", "audio", "activityEnd"], received);

        async Task<string> NextInputAsync() =>
            Assert.Single((await server.NextReceivedAsync(token)).GetProperty("realtimeInput").EnumerateObject()).Name;
    }

    [Fact]
    public async Task Audio_sent_right_after_a_typed_answer_follows_it()
    {
        await using var server = await ScriptedLiveServer.StartAsync();
        await using var session = await server.ConnectAsync();
        var token = TestContext.Current.CancellationToken;
        Assert.True((await server.NextReceivedAsync(token)).TryGetProperty("setup", out _));

        await session.SendTextAsync("My answer.", token);
        await session.SendAudioAsync(GeminiDriver.Tone(TimeSpan.FromMilliseconds(20)), token);

        Assert.Equal(JsonValueKind.Object, (await server.NextReceivedAsync(token)).GetProperty("clientContent").ValueKind);
        Assert.Equal(JsonValueKind.Object, (await server.NextReceivedAsync(token)).GetProperty("realtimeInput").GetProperty("audio").ValueKind);
    }
}
