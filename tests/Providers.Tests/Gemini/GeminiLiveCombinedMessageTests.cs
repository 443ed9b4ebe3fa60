using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// The emulator sends one field per message, but the Live API may put the model's audio in the same message as the
/// transcription, the end of the turn or its usage. Such a message must not be taken for audio alone: every event
/// it carries still comes out, in the order the general path gives them. A scripted Live endpoint on loopback sends
/// exactly those messages to the real adapter.
/// </summary>
public sealed class GeminiLiveCombinedMessageTests
{
    private static readonly byte[] First = Enumerable.Range(0, 960).Select(i => (byte)(i * 13 + 1)).ToArray();
    private static readonly byte[] Second = Enumerable.Range(0, 962).Select(i => (byte)(i * 29 + 3)).ToArray();
    private static readonly byte[] Third = Enumerable.Range(0, 480).Select(i => (byte)(i * 31 + 5)).ToArray();

    [Fact]
    public async Task Audio_sharing_a_message_with_transcription_usage_and_turn_complete_yields_every_event()
    {
        string[] script =
        [
            Json(new { serverContent = new { modelTurn = Audio(First) } }),
            Json(new { serverContent = new { modelTurn = Audio(Second), outputTranscription = new { text = "Hello " } } }),
            Json(new
            {
                serverContent = new { modelTurn = Audio(Third), outputTranscription = new { text = "there." }, turnComplete = true },
                usageMetadata = new { promptTokenCount = 11, responseTokenCount = 7 },
            }),
        ];
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions(), (app, _) => app.Map(GeminiLiveSocket.Path, context => PlayAsync(context, script)));
        var provider = new GeminiLiveProvider(
            Microsoft.Extensions.Options.Options.Create(new GeminiLiveOptions { ApiKey = "key", Endpoint = server.WebSocketAddress("").ToString().TrimEnd('/') }),
            NullLogger<GeminiLiveProvider>.Instance);
        await using var session = await provider.ConnectAsync(
            new RealtimeSessionOptions(GeminiTestHost.Instructions, new InterviewBrief("Ada Lovelace", "Backend Engineer", "mid", 3), [], [], null, null, null),
            TestContext.Current.CancellationToken);
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

    /// <summary>setupComplete, then the script once the client's first message (the nudge) arrives; then reads to the close.</summary>
    private static async Task PlayAsync(HttpContext context, string[] script)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        await ReceiveAsync(socket, buffer); // setup
        await SendAsync(socket, Json(new { setupComplete = new { } }));
        await ReceiveAsync(socket, buffer); // the nudge
        foreach (var message in script)
        {
            await SendAsync(socket, message);
        }

        while (await ReceiveAsync(socket, buffer) != WebSocketMessageType.Close)
        {
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    private static async Task<WebSocketMessageType> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return result.MessageType;
            }
        }
    }

    // Binary frames, as the real service sends its JSON.
    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    private static object Audio(byte[] pcm) =>
        new { parts = new[] { new { inlineData = new { mimeType = "audio/pcm;rate=24000", data = Convert.ToBase64String(pcm) } } } };

    private static string Json(object message) => JsonSerializer.Serialize(message);
}
