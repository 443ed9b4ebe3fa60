using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;
using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// One emulated realtime session on one WebSocket: the receive loop reads client events in order and hands each to
/// the part that answers it: the session configuration (<see cref="RealtimeSessionState"/>), the input audio
/// buffer and its VAD (<see cref="InputAudioBuffer"/>), the client's items (<see cref="ConversationItemRequests"/>)
/// and responses (<see cref="RealtimeResponses"/>), all writing through one <see cref="RealtimeEventWriter"/>.
/// It also arms the session's faults and its 60-minute expiry.
/// </summary>
internal sealed class RealtimeConnection
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly EmulatorOptions _options;
    private readonly OpenAIRealtimeEmulatorSettings _settings;
    private readonly RecordedRealtimeSession _record;
    private readonly CancellationTokenSource _lifetime;

    private readonly RealtimeEventWriter _events;
    private readonly RealtimeSessionState _session;
    private readonly RealtimeConversation _conversation;
    private readonly RealtimeResponses _responses;
    private readonly InputAudioBuffer _input;
    private readonly ConversationItemRequests _items;

    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);
    private readonly AudioAppendReader _appends = new();

    // Client events received so far: the faults are armed by this count. Written by the receive loop only.
    private int _received;

    public RealtimeConnection(WebSocket socket, HttpContext http, EmulatorOptions options, OpenAIRealtimeEmulatorSettings settings, RecordedRealtimeSession record)
    {
        _socket = socket;
        _http = http;
        _options = options;
        _settings = settings;
        _record = record;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var lifetime = _lifetime.Token;

        _events = new RealtimeEventWriter(socket, options, () => _received, lifetime);
        _session = new RealtimeSessionState(record.Model);
        _conversation = new RealtimeConversation(record);
        _responses = new RealtimeResponses(_session, _conversation, new ResponseOutput(_conversation, _events, options, lifetime), _events, record, lifetime);
        _input = new InputAudioBuffer(_session, _conversation, _responses, _events, record);
        _items = new ConversationItemRequests(_conversation, _events, record);
    }

    public async Task RunAsync()
    {
        var expiry = ExpireAsync();
        try
        {
            await _events.SendAsync(Event("session.created", ("session", _session.Current.ToJson(_session.Id))));
            if (await ApplyFaultsAsync())
            {
                return;
            }

            while (await ReceiveAsync() is { } message)
            {
                _received++;
                if (await ApplyFaultsAsync())
                {
                    return;
                }

                await HandleAsync(message);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away or the session expired; nothing is left to tell it.
        }
        finally
        {
            await _lifetime.CancelAsync();
            if (_responses.Current is { } response)
            {
                await response.Completion;
            }

            await expiry;
            _record.RecordEnded();
        }
    }

    /// <summary>Drop and Error faults fire once the session has received the armed number of client events.</summary>
    private async Task<bool> ApplyFaultsAsync()
    {
        if (_options.Faults.Take(OpenAIRealtimeEmulator.Name, FaultKind.Drop, _received) is not null)
        {
            // A network drop: no close frame, the connection is simply gone.
            _http.Abort();
            return true;
        }

        if (_options.Faults.Take(OpenAIRealtimeEmulator.Name, FaultKind.Error, _received) is not null)
        {
            await _events.SendErrorAsync(new RealtimeProtocolException("server_error", "server_error",
                "The server had an error while processing your request. Sorry about that!"), null);
        }

        return false;
    }

    /// <summary>The real API ends a session at 60 minutes: an error event, then the socket closes.</summary>
    private async Task ExpireAsync()
    {
        try
        {
            await Task.Delay(_settings.MaxSessionDuration, _lifetime.Token);
            var minutes = Math.Max(1, (int)Math.Round(_settings.MaxSessionDuration.TotalMinutes));
            await _events.SendErrorAsync(RealtimeProtocolException.InvalidRequest("session_expired",
                $"Your session hit the maximum duration of {minutes} minutes."), null);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session expired", _lifetime.Token);
            // Give the client a moment to answer the close, then let go of the connection either way.
            _lifetime.CancelAfter(TimeSpan.FromSeconds(2));
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException)
        {
        }
    }

    /// <summary>
    /// The next client event, in a buffer reused for the one after it (events are handled one at a time); null when
    /// the client closed.
    /// </summary>
    private async Task<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        _message.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_message.GetMemory(16 * 1024), _lifetime.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _lifetime.Token);
                }

                return null;
            }

            _message.Advance(result.Count);
            if (_message.WrittenCount > MaxMessageBytes)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", _lifetime.Token);
                return null;
            }

            if (result.EndOfMessage)
            {
                return _message.WrittenMemory;
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message)
    {
        // The common append (50 a second) skips the JSON DOM: see AudioAppendReader.
        if (_appends.TryRead(message.Span, out var pcm))
        {
            _record.RecordClientEvent("input_audio_buffer.append");
            await AnswerFailuresAsync(_input.AppendPcmAsync(pcm), "input_audio_buffer.append", eventId: null);
            return;
        }

        JsonObject? clientEvent;
        try
        {
            clientEvent = JsonNode.Parse(message.Span) as JsonObject;
        }
        catch (JsonException exception)
        {
            await _events.SendErrorAsync(RealtimeProtocolException.InvalidRequest("invalid_json", $"The event is not valid JSON: {exception.Message}"), null);
            return;
        }

        var eventId = clientEvent?["event_id"]?.GetValueKind() == JsonValueKind.String ? clientEvent["event_id"]!.GetValue<string>() : null;
        if (clientEvent?["type"] is not JsonValue typeValue || typeValue.GetValueKind() != JsonValueKind.String)
        {
            await _events.SendErrorAsync(RealtimeProtocolException.InvalidRequest("invalid_event", "The 'type' field is missing.", "type"), eventId);
            return;
        }

        var type = typeValue.GetValue<string>();
        _record.RecordClientEvent(type);
        await AnswerFailuresAsync(DispatchAsync(type, clientEvent), type, eventId);
    }

    private async Task DispatchAsync(string type, JsonObject clientEvent)
    {
        switch (type)
        {
            case "session.update":
                await UpdateSessionAsync(clientEvent);
                break;
            case "input_audio_buffer.append":
                await _input.AppendAsync(clientEvent);
                break;
            case "input_audio_buffer.commit":
                await _input.CommitAsync();
                break;
            case "input_audio_buffer.clear":
                await _input.ClearAsync();
                break;
            case "conversation.item.create":
                await _items.CreateAsync(clientEvent);
                break;
            case "conversation.item.truncate":
                await _items.TruncateAsync(clientEvent);
                break;
            case "conversation.item.delete":
                await _items.DeleteAsync(clientEvent);
                break;
            case "response.create":
                _responses.Start();
                break;
            case "response.cancel":
                _responses.Cancel(clientEvent);
                break;
            default:
                throw RealtimeProtocolException.InvalidRequest("invalid_value",
                    $"Invalid value: '{type}'. Supported values are: 'session.update', 'input_audio_buffer.append', 'input_audio_buffer.commit', " +
                    "'input_audio_buffer.clear', 'conversation.item.create', 'conversation.item.truncate', 'conversation.item.delete', " +
                    "'response.create', and 'response.cancel'.", "type");
        }
    }

    /// <summary>A client event the API refuses gets an `error` event, as the real service answers; the session goes on.</summary>
    private async Task AnswerFailuresAsync(Task handling, string type, string? eventId)
    {
        try
        {
            await handling;
        }
        catch (RealtimeProtocolException exception)
        {
            await _events.SendErrorAsync(exception, eventId);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or JsonException)
        {
            // A field of the wrong JSON type (GetValue<T> on a mismatched node) and the like.
            await _events.SendErrorAsync(RealtimeProtocolException.InvalidRequest("invalid_value", $"Invalid '{type}' event: {exception.Message}"), eventId);
        }
    }

    /// <summary>`session.update`: the new configuration, the VAD restarted if turn detection changed, `session.updated`.</summary>
    private async Task UpdateSessionAsync(JsonObject clientEvent)
    {
        if (clientEvent["session"] is not JsonObject session)
        {
            throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'session'.", "session");
        }

        var (before, updated) = _session.Apply(session, _conversation.HasAssistantAudio);
        if (updated.TurnDetection != before.TurnDetection)
        {
            _input.Reconfigure(updated.TurnDetection);
        }

        _record.RecordUpdate(updated);
        await _events.SendAsync(Event("session.updated", ("session", updated.ToJson(_session.Id))));
    }
}
