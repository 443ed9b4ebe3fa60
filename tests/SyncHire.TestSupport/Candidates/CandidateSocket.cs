using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace SyncHire.TestSupport.Candidates;

/// <summary>
/// A candidate's WebSocket to a gateway (<c>/ws/interviews/{id}?token=…</c>): whole frames in and out. Sending and
/// <see cref="ReceiveAsync(ArrayBufferWriter{byte}, CancellationToken)"/> do not allocate, so the load generator
/// streams through it at 50 frames a second per candidate; <see cref="CandidateClient"/> adds the protocol's
/// typed events on top for the tests.
/// </summary>
public sealed class CandidateSocket : ICandidateChannel
{
    private const int ReceiveChunk = 4 * 1024;

    private readonly ClientWebSocket _socket;
    private ArrayBufferWriter<byte>? _message;

    private CandidateSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public CandidateClose? Close => _socket.CloseStatus is null ? null : CandidateClose.From(_socket.CloseStatus, _socket.CloseStatusDescription);

    /// <summary>The candidate's socket address on a gateway reached at <paramref name="gateway"/> (http or https).</summary>
    public static Uri Address(Uri gateway, string interviewId, string? token) => new UriBuilder(gateway)
    {
        Scheme = gateway.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Path = $"/ws/interviews/{Uri.EscapeDataString(interviewId)}",
        Query = token is null ? "" : $"token={Uri.EscapeDataString(token)}",
    }.Uri;

    /// <param name="configure">Extra handshake options (a subprotocol, a header) for sockets that are not a gateway's.</param>
    public static async Task<CandidateSocket> ConnectAsync(Uri address, CancellationToken cancellationToken, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        try
        {
            configure?.Invoke(socket.Options);
            await socket.ConnectAsync(address, cancellationToken);
            return new CandidateSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects where the server is expected to refuse the upgrade; returns the HTTP status it answered with.</summary>
    public static async Task<int> ConnectExpectingRefusalAsync(Uri address, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
        }
        catch (WebSocketException) when (socket.State != WebSocketState.Open)
        {
            return (int)socket.HttpStatusCode;
        }

        throw new InvalidOperationException($"The server accepted the socket at {address}; it was expected to refuse it.");
    }

    public ValueTask SendTextAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken) =>
        _socket.SendAsync(pcm16, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);

    /// <summary>
    /// Reads the next whole message into <paramref name="message"/> (reset first) and returns its type:
    /// <see cref="WebSocketMessageType.Close"/> when the server closed. Allocation-free once the buffer has grown to
    /// the largest message (the async state is pooled).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<WebSocketMessageType> ReceiveAsync(ArrayBufferWriter<byte> message, CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(message.GetMemory(ReceiveChunk), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketMessageType.Close;
            }

            message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return result.MessageType;
            }
        }
    }

    public async ValueTask<ServerFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _message ??= new ArrayBufferWriter<byte>(16 * 1024);
        return await ReceiveAsync(_message, cancellationToken) switch
        {
            WebSocketMessageType.Close => null,
            WebSocketMessageType.Binary => ServerFrame.FromAudio(_message.WrittenSpan),
            _ => ServerFrame.FromJson(_message.WrittenSpan),
        };
    }

    /// <summary>The whole closing handshake: sends 1000 and waits for the server's close.</summary>
    public ValueTask CloseAsync(CancellationToken cancellationToken) =>
        new(_socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "candidate done", cancellationToken));

    /// <summary>Sends 1000 without waiting for the server's answer (a client that is leaving anyway).</summary>
    public Task CloseOutputAsync(string reason, CancellationToken cancellationToken) =>
        _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
