using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SyncHire.Runtime.Connections;

/// <summary>
/// A grain connection over a WebSocket between a gateway and a silo. One send loop drains a bounded queue (a
/// WebSocket allows one sender at a time); the reader yields whole messages. A transport failure closes the
/// connection as <see cref="ConnectionClose.Lost"/>, so the gateway tells the candidate to reconnect.
/// </summary>
internal sealed class WebSocketGrainConnection : IGrainConnection, IAbortableConnection
{
    private const int MaxMessageBytes = 1 << 20;

    private readonly WebSocket _socket;
    private readonly Channel<ConnectionFrame> _outgoing = Channel.CreateBounded<ConnectionFrame>(new BoundedChannelOptions(LocalGrainConnection.Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly TaskCompletionSource<ConnectionClose> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _sendLoop;
    private ConnectionClose? _localClose;

    public WebSocketGrainConnection(WebSocket socket)
    {
        _socket = socket;
        _sendLoop = Task.Run(SendLoopAsync);
    }

    public Task<ConnectionClose> Closed => _closed.Task;

    public bool TrySend(ConnectionFrame frame) => !_closed.Task.IsCompleted && _outgoing.Writer.TryWrite(frame);

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync())
            {
                var type = frame.Kind == FrameKind.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
                await _socket.SendAsync(frame.Payload, type, endOfMessage: true, CancellationToken.None);
            }

            if (_localClose is { } close && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, Truncate(close.Reason), timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Fail(e.Message);
        }
    }

    public async IAsyncEnumerable<ConnectionFrame> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length >= MaxMessageBytes)
                        {
                            await CloseAsync(new ConnectionClose(1009, "message too large"));
                            yield break;
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    try
                    {
                        result = await _socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    }
                    catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
                    {
                        Fail(e.Message);
                        yield break;
                    }

                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var close = new ConnectionClose((int?)_socket.CloseStatus ?? 1000, _socket.CloseStatusDescription ?? "");
                    await CloseAsync(close);
                    yield break;
                }

                var kind = result.MessageType == WebSocketMessageType.Text ? FrameKind.Text : FrameKind.Binary;
                yield return new ConnectionFrame(kind, buffer.AsSpan(0, count).ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask CloseAsync(ConnectionClose close)
    {
        if (_closed.Task.IsCompleted || _localClose is not null)
        {
            return;
        }

        // Queued frames go out first, then the close frame (sent by the send loop).
        _localClose = close;
        _outgoing.Writer.TryComplete();
        await _sendLoop;
        _closed.TrySetResult(close);
    }

    private void Fail(string reason)
    {
        _outgoing.Writer.TryComplete();
        _closed.TrySetResult(_localClose ?? ConnectionClose.Lost(reason));
        _socket.Abort();
    }

    public void Abort(string reason) => Fail(reason);

    private static string Truncate(string reason) => reason.Length <= 120 ? reason : reason[..120];

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(ConnectionClose.Normal);
        _socket.Dispose();
    }
}
