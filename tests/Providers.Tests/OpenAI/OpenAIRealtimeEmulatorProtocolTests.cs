using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SyncHire.Providers.Tests.OpenAI.Support;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>
/// The emulator at the wire, without the SDK: bad client events get the GA API's `error` events and the session
/// stays usable, as the real service behaves.
/// </summary>
public sealed class OpenAIRealtimeEmulatorProtocolTests
{
    [Fact]
    public async Task Bad_client_events_get_error_events_and_the_session_carries_on()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {host.Server.Options.ApiKey}");
        socket.Options.AddSubProtocol("realtime");
        await socket.ConnectAsync(host.Server.WebSocketAddress("/v1/realtime?model=gpt-realtime"), CancellationToken.None);
        Assert.Equal("realtime", socket.SubProtocol);
        var created = await ReceiveAsync(socket, "session.created");
        Assert.Equal("gpt-realtime", created["session"]!["model"]!.GetValue<string>());

        (string Event, string Code)[] cases =
        [
            ("""{"type":"session.update","session":{"type":"realtime","temperature":0.8}}""", "unknown_parameter"),
            ("""{"type":"session.update","session":{"audio":{"input":{"format":{"type":"audio/pcm","rate":16000}}}}}""", "invalid_value"),
            ("not json", "invalid_json"),
            ("""{"event_id":"evt_1"}""", "invalid_event"),
            ("""{"type":"response.cancel"}""", "response_cancel_not_active"),
            ("""{"type":"input_audio_buffer.commit"}""", "input_audio_buffer_commit_empty"),
            ("""{"type":"input_audio_buffer.append","audio":"***"}""", "invalid_value"),
            ("""{"type":"input_audio_buffer.append","audio":"AA=="}""", "invalid_value"), // one byte: not PCM16
            ("""{"type":"input_audio_buffer.append"}""", "missing_required_parameter"),
            ("""{"type":"conversation.item.truncate","item_id":"item_missing","content_index":0,"audio_end_ms":10}""", "invalid_value"),
            ("""{"type":"conversation.item.create","item":{"type":"message","role":"assistant","content":[{"type":"input_text","text":"x"}]}}""", "invalid_value"),
            ("""{"type":"transcription_session.update"}""", "invalid_value"),
        ];
        foreach (var (clientEvent, code) in cases)
        {
            await SendAsync(socket, clientEvent);
            var error = await ReceiveAsync(socket, "error");
            Assert.Equal(code, error["error"]!["code"]!.GetValue<string>());
        }

        Assert.Equal("evt_1", await ErrorEventIdAfterAsync(socket, """{"event_id":"evt_1","type":"no.such.event"}"""));

        // Still usable: the emulated model greets (no tools configured), and the voice is then fixed.
        await SendAsync(socket, """{"type":"conversation.item.create","item":{"type":"message","role":"user","content":[{"type":"input_text","text":"Hi"}]}}""");
        await ReceiveAsync(socket, "conversation.item.added");
        await SendAsync(socket, """{"type":"response.create"}""");
        var done = await ReceiveAsync(socket, "response.done");
        Assert.Equal("completed", done["response"]!["status"]!.GetValue<string>());
        await SendAsync(socket, """{"type":"session.update","session":{"type":"realtime","audio":{"output":{"voice":"ash"}}}}""");
        Assert.Equal("cannot_update_voice", (await ReceiveAsync(socket, "error"))["error"]!["code"]!.GetValue<string>());
    }

    private static async Task<string?> ErrorEventIdAfterAsync(ClientWebSocket socket, string clientEvent)
    {
        await SendAsync(socket, clientEvent);
        return (await ReceiveAsync(socket, "error"))["error"]!["event_id"]?.GetValue<string>();
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next server event of <paramref name="type"/>, skipping others (audio deltas and the like).</summary>
    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, string type)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, deadline.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var serverEvent = JsonNode.Parse(message.ToArray())!.AsObject();
            Assert.StartsWith("event_", serverEvent["event_id"]!.GetValue<string>());
            if (serverEvent["type"]!.GetValue<string>() == type)
            {
                return serverEvent;
            }
        }
    }
}
