using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// One client connection to the emulated Live API: the setup handshake, then a receive loop that reads client
/// messages in order and hands each to the part that answers it: realtimeInput to <see cref="LiveRealtimeInput"/>,
/// clientContent to the conversation (<see cref="LiveConversation"/>) and the model's turns
/// (<see cref="LiveModelTurns"/>), toolResponse to the pending calls (<see cref="LiveToolCalls"/>), all writing
/// through one <see cref="LiveMessageWriter"/>. It also arms the connection's faults and its time limit
/// (<see cref="LiveGoAway"/>).
/// </summary>
internal sealed class GeminiLiveConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly GeminiLiveEmulator _emulator;
    private readonly Action _abort;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly LiveMessageWriter _writer;
    private readonly LiveGoAway _goAway;
    private readonly LiveToolCalls _toolCalls = new();

    // Set up by the handshake, from what the setup message asked for.
    private LiveConversation _conversation = null!;
    private LiveModelTurns? _turns;
    private LiveRealtimeInput _input = null!;

    // Client messages received so far: the faults are armed by this count. Written by the receive loop only.
    private int _messagesReceived;

    public GeminiLiveConnection(WebSocket socket, GeminiLiveEmulator emulator, Action abort)
    {
        _socket = socket;
        _emulator = emulator;
        _abort = abort;
        _writer = new LiveMessageWriter(socket, _lifetime);
        _goAway = new LiveGoAway(_writer, _lifetime.Token);
    }

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
            await _writer.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid JSON payload received. The first message must be setup.");
            return false;
        }

        LiveSetup setup;
        try
        {
            setup = LiveSetup.Parse(setupElement);
        }
        catch (FormatException exception)
        {
            await _writer.CloseAsync(WebSocketCloseStatus.PolicyViolation, exception.Message);
            return false;
        }

        if (!LiveSessionResumption.TryOpen(_emulator, _writer, setup, out var resumption))
        {
            await _writer.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid session resumption handle.");
            return false;
        }

        _conversation = new LiveConversation(resumption.History);
        var speech = new LiveSpeechOutput(setup, _conversation, _writer, _emulator.Options);
        _turns = new LiveModelTurns(setup, _conversation, speech, _toolCalls, resumption, _writer, _emulator, _lifetime.Token);
        _input = new LiveRealtimeInput(setup, _conversation, _turns, _writer);

        _emulator.Record(new GeminiLiveConnectionRecord(resumption.ConversationId, setupElement.Clone(), resumption.ResumedFrom));
        await _writer.SendAsync(LiveServerMessages.SetupComplete());
        _goAway.StartConnectionLimit(_emulator.Settings);
        return !await ApplyFaultsAsync();
    }

    /// <summary>Handles one message; false when it was invalid and the connection has been closed.</summary>
    private async Task<bool> DispatchAsync(JsonElement message)
    {
        if (message.TryGetProperty("realtimeInput", out var realtime))
        {
            await _input.OnRealtimeInputAsync(realtime);
            return true;
        }

        if (message.TryGetProperty("clientContent", out var content))
        {
            OnClientContent(content);
            return true;
        }

        if (message.TryGetProperty("toolResponse", out var toolResponse))
        {
            _toolCalls.Respond(toolResponse);
            return true;
        }

        var name = message.ValueKind == JsonValueKind.Object ? message.EnumerateObject().FirstOrDefault().Name : null;
        await _writer.CloseAsync(WebSocketCloseStatus.InvalidPayloadData,
            name == "setup" ? "setup must be the first message only." : $"Invalid JSON payload received. Unknown name \"{name}\".");
        return false;
    }

    /// <summary>clientContent: turns of history (stage directions left out) and, with turnComplete, a model turn now.</summary>
    private void OnClientContent(JsonElement content)
    {
        if (content.TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array)
        {
            foreach (var turn in turns.EnumerateArray())
            {
                var role = turn.TryGetProperty("role", out var r) ? r.GetString() : "user";
                var text = turn.TryGetProperty("parts", out var parts)
                    ? string.Concat(parts.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : null))
                    : "";
                if (string.IsNullOrWhiteSpace(text) || (role != "model" && GeminiLiveProtocol.IsStageDirection(text)))
                {
                    // A stage direction steers the model; it is not something the candidate said.
                    continue;
                }

                _conversation.Append(role == "model" ? new ConversationItem.AssistantMessage(text) : new ConversationItem.UserMessage(text));
            }
        }

        if (content.TryGetProperty("turnComplete", out var complete) && complete.ValueKind == JsonValueKind.True)
        {
            _turns!.Interrupt();
            _turns.Queue(null);
        }
    }

    /// <summary>Acts on the faults armed for "gemini"; true when the connection is over.</summary>
    private async Task<bool> ApplyFaultsAsync()
    {
        var faults = _emulator.Options.Faults;
        const string name = GeminiLiveProtocol.EmulatorName;
        if (faults.Take(name, FaultKind.Drop, _messagesReceived) is not null)
        {
            // A network drop: no close frame at all.
            _abort();
            await _lifetime.CancelAsync();
            return true;
        }

        if (faults.Take(name, FaultKind.Error, _messagesReceived) is not null)
        {
            await _writer.CloseAsync(WebSocketCloseStatus.InternalServerError, "Internal error encountered.");
            return true;
        }

        if (faults.Take(name, FaultKind.Delay, _messagesReceived) is { } delay)
        {
            _writer.Delay = delay.Delay;
        }

        if (faults.Take(name, FaultKind.GoAway, _messagesReceived) is { } goAway)
        {
            await _goAway.SendThenCloseAsync(goAway.Delay);
        }

        return false;
    }

    private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await _writer.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Request payload size exceeds the limit.");
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
                await _writer.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid JSON payload received.");
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
            await (_turns?.Completion ?? Task.CompletedTask);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is gone; so is the turn it was running.
        }

        _lifetime.Dispose();
        _writer.Dispose();
    }
}
