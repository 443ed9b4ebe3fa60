using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// One WebSocket connection to the Live API: opened with the key in the x-goog-api-key header (so no address that
/// might be logged ever holds it), set up, then used for sends (serialised) and one reader. The Live API reports
/// every failure as a close status and reason, which this turns into <see cref="GeminiLiveException"/>s.
/// </summary>
internal sealed class GeminiLiveSocket : IAsyncDisposable
{
    public const string Path = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    private const int MaxMessageBytes = 32 * 1024 * 1024;
    private const int InitialReceiveBytes = 16 * 1024;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly string _apiKey;

    /// <summary>Reused for every message; not pooled, as a receive still in flight at dispose may write into it.</summary>
    private byte[] _receiveBuffer = new byte[InitialReceiveBytes];

    private readonly List<ReadOnlyMemory<byte>> _modelAudio = [];
    private readonly LinkedTokenCache _receiveTokens;
    private readonly LinkedTokenCache _sendTokens;
    private int _disposed;

    private GeminiLiveSocket(ClientWebSocket socket, string apiKey)
    {
        _socket = socket;
        _apiKey = apiKey;
        _receiveTokens = new LinkedTokenCache(_lifetime.Token);
        _sendTokens = new LinkedTokenCache(_lifetime.Token);
    }

    /// <summary>Why the connection ended, once <see cref="ReceiveAsync"/> has returned null or thrown.</summary>
    public string CloseDescription =>
        _socket.CloseStatus is { } status
            ? $"closed with {(int)status} {Scrub(_socket.CloseStatusDescription)}".TrimEnd()
            : "the connection dropped";

    /// <summary>Opens a connection, sends <paramref name="setup"/> and waits for setupComplete.</summary>
    public static async Task<GeminiLiveSocket> OpenAsync(
        Uri address, string apiKey, JsonObject setup, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("x-goog-api-key", apiKey);
        var connection = new GeminiLiveSocket(socket, apiKey);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            try
            {
                await socket.ConnectAsync(address, deadline.Token).ConfigureAwait(false);
            }
            catch (WebSocketException exception)
            {
                throw new GeminiLiveException("connect_failed",
                    $"Could not open a Gemini Live connection to {address.Host}:{address.Port}: {connection.Scrub(exception.Message)}",
                    retryable: true, exception);
            }

            await connection.SendAsync(JsonSerializer.SerializeToUtf8Bytes(setup), deadline.Token).ConfigureAwait(false);
            using var first = await connection.ReceiveAsync(deadline.Token).ConfigureAwait(false);
            if (first is null)
            {
                // 1007/1008 are the service refusing the request itself (bad key, bad setup): trying again cannot help.
                var refused = socket.CloseStatus is WebSocketCloseStatus.InvalidPayloadData or WebSocketCloseStatus.PolicyViolation;
                throw new GeminiLiveException(refused ? "setup_refused" : "connect_failed",
                    $"Gemini Live refused the session setup: {connection.CloseDescription}", retryable: !refused);
            }

            if (first.Value.Document?.RootElement.TryGetProperty("setupComplete", out _) != true)
            {
                throw new GeminiLiveException("protocol_error", "Gemini Live answered the setup with something other than setupComplete.", retryable: true);
            }

            return connection;
        }
        catch (Exception exception) when (exception is not GeminiLiveException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new GeminiLiveException("connect_failed",
                exception is OperationCanceledException
                    ? $"Gemini Live did not complete the setup within {timeout.TotalSeconds:0.#} s."
                    : $"Gemini Live connection failed during setup: {connection.Scrub(exception.Message)}",
                retryable: true, exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one message; sends are serialised (one writer per socket).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, _sendTokens.For(cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// The next message (the service sends JSON in binary frames, so both kinds are read), or null at a close. It is
    /// valid until the next call (see <see cref="GeminiServerMessage"/>); one reader at a time.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<GeminiServerMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var token = _receiveTokens.For(cancellationToken);
        var length = 0;
        while (true)
        {
            if (length == _receiveBuffer.Length)
            {
                if (length >= MaxMessageBytes)
                {
                    throw new InvalidDataException("A Gemini Live message exceeded the size limit.");
                }

                Array.Resize(ref _receiveBuffer, Math.Min(length * 2, MaxMessageBytes));
            }

            var result = await _socket.ReceiveAsync(_receiveBuffer.AsMemory(length), token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AcknowledgeCloseAsync().ConfigureAwait(false);
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return GeminiServerMessage.Parse(_receiveBuffer.AsMemory(0, length), _modelAudio);
            }
        }
    }

    /// <summary>Completes the close handshake the service started (best effort).</summary>
    private async Task AcknowledgeCloseAsync()
    {
        try
        {
            await _sendLock.WaitAsync(CloseGrace).ConfigureAwait(false);
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    using var grace = new CancellationTokenSource(CloseGrace);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", grace.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone already.
        }
    }

    /// <summary>Starts a polite close; the reader sees the service's reply. Gives up after a grace period.</summary>
    public async Task CloseAsync()
    {
        try
        {
            await _sendLock.WaitAsync(CloseGrace).ConfigureAwait(false);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    using var grace = new CancellationTokenSource(CloseGrace);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", grace.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }

            _lifetime.CancelAfter(CloseGrace);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already broken or gone: nothing to be polite to.
        }
    }

    /// <summary>Keeps the key out of any text that might reach a log or a client.</summary>
    public string Scrub(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace(_apiKey, "***", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        _receiveTokens.Dispose();
        _sendTokens.Dispose();
        _lifetime.Dispose();
        _sendLock.Dispose();
    }
}
