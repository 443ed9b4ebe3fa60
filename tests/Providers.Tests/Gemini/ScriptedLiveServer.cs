using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// A Live endpoint on loopback that plays a fixed script, for what the emulator never sends (several fields in one
/// message) and for seeing the client's messages in the order they arrived. It answers the setup with setupComplete,
/// sends the script once the client's first message after the setup arrives, and records every client message.
/// </summary>
internal sealed class ScriptedLiveServer : IAsyncDisposable
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly IReadOnlyList<string> _script;
    private EmulatorServer _server = null!;

    private ScriptedLiveServer(IReadOnlyList<string> script) => _script = script;

    public static async Task<ScriptedLiveServer> StartAsync(params IReadOnlyList<string> script)
    {
        var server = new ScriptedLiveServer(script);
        server._server = await EmulatorServer.StartAsync(new EmulatorOptions(), (app, _) => app.Map(GeminiLiveSocket.Path, server.PlayAsync));
        return server;
    }

    public async Task<IRealtimeSession> ConnectAsync(TurnDetectionSettings? turnDetection = null)
    {
        var provider = new GeminiLiveProvider(
            Microsoft.Extensions.Options.Options.Create(new GeminiLiveOptions { ApiKey = "key", Endpoint = _server.WebSocketAddress("").ToString().TrimEnd('/') }),
            NullLogger<GeminiLiveProvider>.Instance);
        return await provider.ConnectAsync(
            new RealtimeSessionOptions(GeminiTestHost.Instructions, new InterviewBrief("Ada Lovelace", "Backend Engineer", "mid", 3), [], [], null, null, turnDetection),
            TestContext.Current.CancellationToken);
    }

    /// <summary>The next message the client sent (the setup first).</summary>
    public ValueTask<JsonElement> NextReceivedAsync(CancellationToken cancellationToken) => _received.Reader.ReadAsync(cancellationToken);

    public static string Json(object message) => JsonSerializer.Serialize(message);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task PlayAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var message = new MemoryStream();
        await ReceiveAsync(socket, message); // setup
        await SendAsync(socket, Json(new { setupComplete = new { } }));
        var played = false;
        while (await ReceiveAsync(socket, message))
        {
            if (!played)
            {
                played = true;
                foreach (var scripted in _script)
                {
                    await SendAsync(socket, scripted);
                }
            }
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    /// <summary>Reads and records one client message; false at the close.</summary>
    private async Task<bool> ReceiveAsync(WebSocket socket, MemoryStream message)
    {
        message.SetLength(0);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                _received.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                return true;
            }
        }
    }

    // Binary frames, as the real service sends its JSON.
    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
}
