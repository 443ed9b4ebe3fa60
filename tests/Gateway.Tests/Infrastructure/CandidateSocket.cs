using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>A candidate's WebSocket as a test drives it: JSON events and PCM frames, whole messages at a time.</summary>
public sealed class CandidateSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private CandidateSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public static async Task<CandidateSocket> ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
            return new CandidateSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Tries to connect where the server is expected to refuse; returns the HTTP status it answered with.</summary>
    public static async Task<int> ConnectExpectingRefusalAsync(Uri address, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, cancellationToken));
        Assert.NotEqual(WebSocketState.Open, socket.State);
        return (int)socket.HttpStatusCode;
    }

    public Task SendJsonAsync(string json, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public Task SendEventAsync(string type, CancellationToken cancellationToken) =>
        SendJsonAsync($$"""{"type":"{{type}}"}""", cancellationToken);

    public Task SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        _socket.SendAsync(data, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).AsTask();

    /// <summary>The next whole message; a close from the server comes back as a message of type Close.</summary>
    public async Task<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new ReceivedMessage(WebSocketMessageType.Close, []);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new ReceivedMessage(result.MessageType, message.ToArray());
            }
        }
    }

    /// <summary>Reads until a JSON event of <paramref name="type"/> arrives, collecting what came before it.</summary>
    public async Task<JsonElement> ReceiveEventAsync(string type, CancellationToken cancellationToken, List<ReceivedMessage>? skipped = null)
    {
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken);
            if (message.Type == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException(
                    $"The server closed the socket ({CloseStatus} {CloseStatusDescription}) before sending '{type}'.");
            }

            if (message.EventType == type)
            {
                return message.Json;
            }

            skipped?.Add(message);
        }
    }

    /// <summary>Reads until the server's close frame, returning what came before it.</summary>
    public async Task<List<ReceivedMessage>> ReceiveUntilClosedAsync(CancellationToken cancellationToken)
    {
        var messages = new List<ReceivedMessage>();
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken);
            if (message.Type == WebSocketMessageType.Close)
            {
                return messages;
            }

            messages.Add(message);
        }
    }

    public Task CloseAsync(CancellationToken cancellationToken) =>
        _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "candidate done", cancellationToken);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One whole WebSocket message.</summary>
public sealed record ReceivedMessage(WebSocketMessageType Type, byte[] Data)
{
    public string Text => Encoding.UTF8.GetString(Data);

    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();

    /// <summary>The "type" of a JSON text event; null for binary frames.</summary>
    public string? EventType => Type == WebSocketMessageType.Text && Json.TryGetProperty("type", out var type) ? type.GetString() : null;
}
