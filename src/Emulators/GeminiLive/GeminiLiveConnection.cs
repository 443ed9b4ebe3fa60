using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// One client connection to the emulated Live API: the setup handshake, then a receive loop that feeds realtime
/// input to the emulated voice activity detection and runs model turns (see the partial files). The Live API has
/// no error message: every failure is a WebSocket close with a status and a reason, so that is what this sends.
/// </summary>
internal sealed partial class GeminiLiveConnection(WebSocket socket, GeminiLiveEmulator emulator, Action abort) : IAsyncDisposable
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private LiveSetup _setup = null!;
    private string _conversationId = "";
    private int _messagesReceived;
    private TimeSpan _delay;
    private int _closing;

    private EmulatorOptions Options => emulator.Options;

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _lifetime.Token);
        var cancellationToken = linked.Token;
        try
        {
            if (!await HandshakeAsync(cancellationToken))
            {
                return;
            }

            while (await ReceiveAsync(cancellationToken) is { } message)
            {
                using (message)
                {
                    _messagesReceived++;
                    if (await ApplyFaultsAsync() || !await DispatchAsync(message.RootElement))
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or the emulator cut the connection: nothing more to say.
        }
        finally
        {
            await _lifetime.CancelAsync();
        }
    }

    private async Task<bool> HandshakeAsync(CancellationToken cancellationToken)
    {
        using var first = await ReceiveAsync(cancellationToken);
        if (first is null)
        {
            return false;
        }

        _messagesReceived++;
        if (!first.RootElement.TryGetProperty("setup", out var setupElement))
        {
            await CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid JSON payload received. The first message must be setup.");
            return false;
        }

        try
        {
            _setup = LiveSetup.Parse(setupElement);
        }
        catch (FormatException exception)
        {
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, exception.Message);
            return false;
        }

        var conversation = new List<ConversationItem>();
        string? resumedFrom = null;
        if (_setup.ResumeHandle is { } handle)
        {
            if (!emulator.TryResume(handle, out var state))
            {
                await CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid session resumption handle.");
                return false;
            }

            conversation.AddRange(state.Conversation);
            _conversationId = state.ConversationId;
            resumedFrom = handle;
        }
        else
        {
            _conversationId = "c-" + Guid.NewGuid().ToString("N");
        }

        InitialiseConversation(conversation);
        emulator.Record(new GeminiLiveConnectionRecord(_conversationId, setupElement.Clone(), resumedFrom));
        await SendAsync(LiveServerMessages.SetupComplete());
        StartConnectionLimit();
        return !await ApplyFaultsAsync();
    }

    /// <summary>Acts on the faults armed for "gemini"; true when the connection is over.</summary>
    private async Task<bool> ApplyFaultsAsync()
    {
        var faults = Options.Faults;
        const string name = GeminiLiveProtocol.EmulatorName;
        if (faults.Take(name, FaultKind.Drop, _messagesReceived) is not null)
        {
            // A network drop: no close frame at all.
            abort();
            await _lifetime.CancelAsync();
            return true;
        }

        if (faults.Take(name, FaultKind.Error, _messagesReceived) is not null)
        {
            await CloseAsync(WebSocketCloseStatus.InternalServerError, "Internal error encountered.");
            return true;
        }

        if (faults.Take(name, FaultKind.Delay, _messagesReceived) is { } delay)
        {
            _delay = delay.Delay;
        }

        if (faults.Take(name, FaultKind.GoAway, _messagesReceived) is { } goAway)
        {
            await SendGoAwayThenCloseAsync(goAway.Delay);
        }

        return false;
    }

    /// <summary>The real service caps a connection at about ten minutes, warning with goAway first.</summary>
    private void StartConnectionLimit()
    {
        if (emulator.Settings.MaxConnectionDuration is not { } max)
        {
            return;
        }

        var notice = emulator.Settings.GoAwayNotice < max ? emulator.Settings.GoAwayNotice : TimeSpan.Zero;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(max - notice, _lifetime.Token);
                await SendGoAwayThenCloseAsync(notice);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The connection ended first.
            }
        });
    }

    private async Task SendGoAwayThenCloseAsync(TimeSpan timeLeft)
    {
        await SendAsync(LiveServerMessages.GoAway(timeLeft));
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(timeLeft, _lifetime.Token);
                await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "The connection reached its time limit.");
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The client left before the deadline, as a well-behaved client does.
            }
        });
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
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
        _lifetime.CancelAfter(CloseHandshakeGrace);
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync(_lifetime.Token);
        try
        {
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, _lifetime.Token);
            }

            if (Volatile.Read(ref _closing) == 1 || socket.State != WebSocketState.Open)
            {
                return;
            }

            // The real service sends its JSON in binary frames; clients must accept both kinds.
            await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, _lifetime.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Request payload size exceeds the limit.");
                    return null;
                }

                if (result.EndOfMessage)
                {
                    break;
                }
            }

            try
            {
                return JsonDocument.Parse(message.ToArray());
            }
            catch (JsonException)
            {
                await CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid JSON payload received.");
                return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        try
        {
            await _turns;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is gone; so is the turn it was running.
        }

        _lifetime.Dispose();
        _sendLock.Dispose();
    }
}
