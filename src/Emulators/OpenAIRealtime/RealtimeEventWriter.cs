using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;
using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// Writes server events to the session's socket. The receive loop and a response's task both send, and one socket
/// allows one writer, so sends are serialised. An armed Delay fault holds each send back.
/// </summary>
internal sealed class RealtimeEventWriter(WebSocket socket, EmulatorOptions options, Func<int> receivedEvents, CancellationToken lifetime)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public async Task SendAsync(JsonObject serverEvent)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(serverEvent);
        await _sendLock.WaitAsync(lifetime);
        try
        {
            if (options.Faults.Take(OpenAIRealtimeEmulator.Name, FaultKind.Delay, receivedEvents()) is { } delay)
            {
                await Task.Delay(delay.Delay, lifetime);
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, lifetime);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>An `error` event; <paramref name="clientEventId"/> names the client event it answers, if any.</summary>
    public Task SendErrorAsync(RealtimeProtocolException error, string? clientEventId) =>
        SendAsync(Event("error", ("error", error.ToJson(clientEventId))));
}
