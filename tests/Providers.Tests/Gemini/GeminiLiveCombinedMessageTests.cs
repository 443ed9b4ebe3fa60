using static SyncHire.Providers.Tests.Gemini.ScriptedLiveServer;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// The emulator sends one field per message, but the Live API may put the model's audio in the same message as the
/// transcription, the end of the turn or its usage. Such a message must not be taken for audio alone: every event
/// it carries still comes out, in the order the general path gives them.
/// </summary>
public sealed class GeminiLiveCombinedMessageTests
{
    private static readonly byte[] First = Enumerable.Range(0, 960).Select(i => (byte)(i * 13 + 1)).ToArray();
    private static readonly byte[] Second = Enumerable.Range(0, 962).Select(i => (byte)(i * 29 + 3)).ToArray();
    private static readonly byte[] Third = Enumerable.Range(0, 480).Select(i => (byte)(i * 31 + 5)).ToArray();

    [Fact]
    public async Task Audio_sharing_a_message_with_transcription_usage_and_turn_complete_yields_every_event()
    {
        await using var server = await StartAsync(
            Json(new { serverContent = new { modelTurn = Audio(First) } }),
            Json(new { serverContent = new { modelTurn = Audio(Second), outputTranscription = new { text = "Hello " } } }),
            Json(new
            {
                serverContent = new { modelTurn = Audio(Third), outputTranscription = new { text = "there." }, turnComplete = true },
                usageMetadata = new { promptTokenCount = 11, responseTokenCount = 7 },
            }));
        await using var session = await server.ConnectAsync();
        await using var driver = new GeminiDriver(session);

        await session.CreateResponseAsync(driver.Token);
        var events = await driver.ReadResponseAsync();

        Assert.Collection(events,
            e => Assert.IsType<ResponseStarted>(e),
            e => Assert.Equal(First, Assert.IsType<AudioDelta>(e).Pcm16Mono24k.ToArray()),
            e => Assert.Equal(Second, Assert.IsType<AudioDelta>(e).Pcm16Mono24k.ToArray()),
            e => Assert.Equal(new OutputTranscriptDelta("Hello ", false), e),
            e => Assert.Equal((11, 7), (Assert.IsType<UsageReported>(e).Tokens.Input, ((UsageReported)e).Tokens.Output)),
            e => Assert.Equal(Third, Assert.IsType<AudioDelta>(e).Pcm16Mono24k.ToArray()),
            e => Assert.Equal(new OutputTranscriptDelta("there.", false), e),
            e => Assert.Equal(new OutputTranscriptDelta("Hello there.", true), e),
            e => Assert.Equal(new ResponseDone("Hello there."), e));
    }

    private static object Audio(byte[] pcm) =>
        new { parts = new[] { new { inlineData = new { mimeType = "audio/pcm;rate=24000", data = Convert.ToBase64String(pcm) } } } };
}
