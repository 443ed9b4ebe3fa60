using System.Buffers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// One emulated realtime session on one WebSocket. The receive loop handles client events in order; a response
/// runs on its own task so that `response.cancel`, `input_audio_buffer.append` (barge-in) and truncation can arrive
/// while it speaks. Sends are serialised, as one socket allows one writer.
/// </summary>
internal sealed partial class RealtimeConnection
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly EmulatorOptions _options;
    private readonly OpenAIRealtimeEmulatorSettings _settings;
    private readonly RecordedRealtimeSession _record;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime;
    private readonly string _sessionId = NewId("sess");
    private readonly string _conversationId = NewId("conv");

    // Shared between the receive loop and the response task.
    private readonly Lock _gate = new();
    private readonly List<ConversationEntry> _conversation = [];
    private RealtimeSessionConfig _config;
    private ActiveResponse? _response;

    /// <summary>What the last response read: the prefix a next response with the same instructions finds cached.</summary>
    private RealtimeUsage.Prompt? _lastPrompt;
    private int _received;

    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);
    private readonly AudioAppendReader _appends = new();

    public RealtimeConnection(WebSocket socket, HttpContext http, EmulatorOptions options, OpenAIRealtimeEmulatorSettings settings, RecordedRealtimeSession record)
    {
        _socket = socket;
        _http = http;
        _options = options;
        _settings = settings;
        _record = record;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        _config = new RealtimeSessionConfig { Model = record.Model };
        _voiceActivity = NewVoiceActivity(_config.TurnDetection);
    }

    public async Task RunAsync()
    {
        var expiry = ExpireAsync();
        try
        {
            await SendAsync(Event("session.created", ("session", _config.ToJson(_sessionId))));
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
            if (CurrentResponse() is { } response)
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
            await SendErrorAsync(new RealtimeProtocolException("server_error", "server_error",
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
            await SendErrorAsync(RealtimeProtocolException.InvalidRequest("session_expired",
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
        if (_appends.TryRead(message.Span, out var pcm))
        {
            _record.RecordClientEvent("input_audio_buffer.append");
            await AnswerFailuresAsync(AppendPcmAsync(pcm), "input_audio_buffer.append", eventId: null);
            return;
        }

        JsonObject? clientEvent;
        try
        {
            clientEvent = JsonNode.Parse(message.Span) as JsonObject;
        }
        catch (JsonException exception)
        {
            await SendErrorAsync(RealtimeProtocolException.InvalidRequest("invalid_json", $"The event is not valid JSON: {exception.Message}"), null);
            return;
        }

        var eventId = clientEvent?["event_id"]?.GetValueKind() == JsonValueKind.String ? clientEvent["event_id"]!.GetValue<string>() : null;
        if (clientEvent?["type"] is not JsonValue typeValue || typeValue.GetValueKind() != JsonValueKind.String)
        {
            await SendErrorAsync(RealtimeProtocolException.InvalidRequest("invalid_event", "The 'type' field is missing.", "type"), eventId);
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
                await AppendAudioAsync(clientEvent);
                break;
            case "input_audio_buffer.commit":
                await CommitAudioAsync();
                break;
            case "input_audio_buffer.clear":
                await ClearAudioAsync();
                break;
            case "conversation.item.create":
                await CreateItemAsync(clientEvent);
                break;
            case "conversation.item.truncate":
                await TruncateItemAsync(clientEvent);
                break;
            case "conversation.item.delete":
                await DeleteItemAsync(clientEvent);
                break;
            case "response.create":
                StartResponse();
                break;
            case "response.cancel":
                CancelResponse(clientEvent);
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
            await SendErrorAsync(exception, eventId);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or JsonException)
        {
            // A field of the wrong JSON type (GetValue<T> on a mismatched node) and the like.
            await SendErrorAsync(RealtimeProtocolException.InvalidRequest("invalid_value", $"Invalid '{type}' event: {exception.Message}"), eventId);
        }
    }

    private async Task UpdateSessionAsync(JsonObject clientEvent)
    {
        if (clientEvent["session"] is not JsonObject session)
        {
            throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'session'.", "session");
        }

        RealtimeSessionConfig updated;
        lock (_gate)
        {
            updated = _config.Apply(session, _conversation.Any(e => e.AudioMs > 0));
            if (updated.TurnDetection != _config.TurnDetection)
            {
                _voiceActivityBase += _voiceActivity.Position;
                _voiceActivity = NewVoiceActivity(updated.TurnDetection);
            }

            _config = updated;
        }

        _record.RecordUpdate(updated);
        await SendAsync(Event("session.updated", ("session", updated.ToJson(_sessionId))));
    }

    private RealtimeSessionConfig Config
    {
        get
        {
            lock (_gate)
            {
                return _config;
            }
        }
    }

    private Task SendErrorAsync(RealtimeProtocolException error, string? clientEventId) =>
        SendAsync(Event("error", ("error", error.ToJson(clientEventId))));

    private async Task SendAsync(JsonObject serverEvent)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(serverEvent);
        await _sendLock.WaitAsync(_lifetime.Token);
        try
        {
            if (_options.Faults.Take(OpenAIRealtimeEmulator.Name, FaultKind.Delay, _received) is { } delay)
            {
                await Task.Delay(delay.Delay, _lifetime.Token);
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A server event: `event_id` and `type` first, then its fields.</summary>
    private static JsonObject Event(string type, params (string Name, JsonNode? Value)[] fields)
    {
        var serverEvent = new JsonObject { ["event_id"] = NewId("event"), ["type"] = type };
        foreach (var (name, value) in fields)
        {
            // A node belongs to one parent; values shared between events are copied.
            serverEvent[name] = value?.Parent is null ? value : value.DeepClone();
        }

        return serverEvent;
    }

    /// <summary>IDs shaped like the real API's: a prefix and 21 random alphanumerics.</summary>
    private static string NewId(string prefix) =>
        $"{prefix}_{RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 21)}";

    private string? LastItemIdLocked() => _conversation.Count > 0 ? _conversation[^1].Id : null;

    private void RecordConversationLocked() =>
        _record.RecordConversation([.. _conversation.Select(e => e.Item).OfType<ConversationItem>()]);

    /// <summary>One item of the server-side conversation; <see cref="Item"/> is what the model reads (null for system items).</summary>
    private sealed class ConversationEntry(string id, ConversationItem? item)
    {
        public string Id { get; } = id;

        public ConversationItem? Item { get; set; } = item;

        /// <summary>The text the assistant said in full, before any truncation.</summary>
        public string? SpokenText { get; init; }

        /// <summary>The length of the whole spoken text's audio, in milliseconds.</summary>
        public int SpokenMs { get; init; }

        /// <summary>The candidate's speech a user audio item holds (zero for any other item): the model hears it as audio.</summary>
        public TimeSpan InputAudio { get; init; }

        /// <summary>Assistant audio generated for this item so far, in milliseconds.</summary>
        public int AudioMs { get; set; }
    }
}
