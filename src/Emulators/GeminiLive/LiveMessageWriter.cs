using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// Writes server messages, and the close frame that ends the connection, to the connection's socket. The receive
/// loop, the model's turns and the goAway timer all send, and one socket allows one writer, so sends are
/// serialised. The Live API has no error message: every failure is a close with a status and a reason.
/// </summary>
/// <param name="lifetime">The connection's lifetime: sends stop with it, and a close cancels it after a grace period.</param>
internal sealed class LiveMessageWriter(WebSocket socket, CancellationTokenSource lifetime) : IDisposable
{
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _closing;

    /// <summary>How long an armed Delay fault holds back each message; set by the receive loop.</summary>
    public TimeSpan Delay { get; set; }

    public async Task SendAsync(JsonObject message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync(lifetime.Token);
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, lifetime.Token);
            }

            if (Volatile.Read(ref _closing) == 1 || socket.State != WebSocketState.Open)
            {
                return;
            }

            // The real service sends its JSON in binary frames; clients must accept both kinds.
            await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, lifetime.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame (once; later calls do nothing) and nothing more after it.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already broken.
        }
        finally
        {
            _sendLock.Release();
        }

        // Wait for the client's close reply in the receive loop, but not forever.
        lifetime.CancelAfter(CloseHandshakeGrace);
    }

    public void Dispose() => _sendLock.Dispose();
}
