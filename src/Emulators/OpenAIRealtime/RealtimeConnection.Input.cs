using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>The input side: the audio buffer, server VAD, commits, transcription and client-created items.</summary>
internal sealed partial class RealtimeConnection
{
    /// <summary>The real API refuses to commit less than 100 ms of audio.</summary>
    private static readonly int MinCommitBytes = RealtimeSessionConfig.PcmRate / 10 * 2;

    private readonly MemoryStream _inputBuffer = new();
    private EmulatedVoiceActivity _voiceActivity;

    // VAD offsets count from the session's first input sample, across VAD reconfigurations.
    private TimeSpan _voiceActivityBase;
    private string? _speechItemId;

    // Without turn detection, the speech heard since the last commit (the VAD still measures it).
    private TimeSpan _bufferedSpeech;

    private static EmulatedVoiceActivity NewVoiceActivity(RealtimeTurnDetection? detection) =>
        new(RealtimeSessionConfig.PcmRate, 0.04 * (detection?.Threshold ?? 0.5), detection?.SilenceDurationMs ?? 200);

    private async Task AppendAudioAsync(JsonObject clientEvent)
    {
        if (clientEvent["audio"]?.GetValue<string>() is not { } base64)
        {
            throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'audio'.", "audio");
        }

        byte[] pcm;
        try
        {
            pcm = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw RealtimeProtocolException.InvalidRequest("invalid_value", "Invalid 'audio'. Expected base64-encoded audio bytes.", "audio");
        }

        await AppendPcmAsync(pcm);
    }

    /// <summary>Buffers decoded audio and runs the server VAD over it; an odd length is refused.</summary>
    private async Task AppendPcmAsync(ReadOnlyMemory<byte> pcm)
    {
        if (pcm.Length % 2 != 0)
        {
            throw RealtimeProtocolException.InvalidRequest("invalid_value", "Invalid 'audio'. PCM16 audio must have an even number of bytes.", "audio");
        }

        IReadOnlyList<VoiceActivityEvent> activity;
        RealtimeTurnDetection? detection;
        TimeSpan offsetBase;
        lock (_gate)
        {
            _inputBuffer.Write(pcm.Span);
            activity = _voiceActivity.Append(pcm.Span);
            detection = _config.TurnDetection;
            offsetBase = _voiceActivityBase;
            if (detection is null)
            {
                _bufferedSpeech += activity.Where(a => !a.Started).Aggregate(TimeSpan.Zero, (sum, a) => sum + a.SpeechLength);
            }
        }

        if (detection is null)
        {
            return;
        }

        foreach (var voice in activity)
        {
            if (voice.Started)
            {
                await SpeechStartedAsync(detection, offsetBase + voice.Offset);
            }
            else
            {
                await SpeechStoppedAsync(detection, offsetBase + voice.Offset, voice.SpeechLength);
            }
        }
    }

    private async Task SpeechStartedAsync(RealtimeTurnDetection detection, TimeSpan offset)
    {
        _speechItemId = NewId("item");
        var start = offset - TimeSpan.FromMilliseconds(detection.PrefixPaddingMs);
        await SendAsync(Event("input_audio_buffer.speech_started",
            ("audio_start_ms", (int)Math.Max(0, start.TotalMilliseconds)), ("item_id", _speechItemId)));
        if (detection.InterruptResponse && CurrentResponse() is { } response)
        {
            response.Cancel("turn_detected");
        }
    }

    private async Task SpeechStoppedAsync(RealtimeTurnDetection detection, TimeSpan offset, TimeSpan speech)
    {
        var itemId = _speechItemId ?? NewId("item");
        await SendAsync(Event("input_audio_buffer.speech_stopped",
            ("audio_end_ms", (int)(offset + TimeSpan.FromMilliseconds(detection.SilenceDurationMs)).TotalMilliseconds), ("item_id", itemId)));
        await CommitBufferAsync(speech, itemId);
        if (detection.CreateResponse)
        {
            // A response the speech interrupted may still be sending its last events; the new one follows it.
            if (CurrentResponse() is { Cancelling: true } interrupted)
            {
                await interrupted.Completion;
            }

            StartResponse();
        }
    }

    private async Task CommitAudioAsync()
    {
        TimeSpan speech;
        lock (_gate)
        {
            var buffered = (int)_inputBuffer.Length;
            if (buffered < MinCommitBytes)
            {
                throw RealtimeProtocolException.InvalidRequest("input_audio_buffer_commit_empty",
                    $"Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has {buffered * 1000.0 / 2 / RealtimeSessionConfig.PcmRate:0.00}ms of audio.");
            }

            speech = _bufferedSpeech + _voiceActivity.Flush();
            if (speech == TimeSpan.Zero)
            {
                // Nothing crossed the VAD threshold: the model still "hears" the whole buffer.
                speech = TimeSpan.FromSeconds(buffered / 2.0 / RealtimeSessionConfig.PcmRate);
            }
        }

        await CommitBufferAsync(speech, _speechItemId ?? NewId("item"));
    }

    private async Task ClearAudioAsync()
    {
        lock (_gate)
        {
            _inputBuffer.SetLength(0);
            _voiceActivity.Flush();
            _bufferedSpeech = TimeSpan.Zero;
        }

        _speechItemId = null;
        await SendAsync(Event("input_audio_buffer.cleared"));
    }

    /// <summary>The buffer becomes a user audio item; its transcript is what the emulated model hears.</summary>
    private async Task CommitBufferAsync(TimeSpan speech, string itemId)
    {
        var text = EmulatedSpeech.Transcribe(speech);
        string? previous;
        string? transcriptionModel;
        lock (_gate)
        {
            _inputBuffer.SetLength(0);
            _bufferedSpeech = TimeSpan.Zero;
            previous = LastItemIdLocked();
            _conversation.Add(new ConversationEntry(itemId, new ConversationItem.UserMessage(text)) { InputAudio = speech });
            transcriptionModel = _config.TranscriptionModel;
            RecordConversationLocked();
        }

        _speechItemId = null;
        await SendAsync(Event("input_audio_buffer.committed", ("previous_item_id", previous), ("item_id", itemId)));
        var item = new JsonObject
        {
            ["id"] = itemId,
            ["object"] = "realtime.item",
            ["type"] = "message",
            ["status"] = "completed",
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_audio", ["transcript"] = null }),
        };
        await SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", item.DeepClone())));
        await SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", item)));
        if (transcriptionModel is null)
        {
            return;
        }

        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await SendAsync(Event("conversation.item.input_audio_transcription.delta",
                ("item_id", itemId), ("content_index", 0), ("delta", i == 0 ? words[i] : " " + words[i])));
        }

        var (usage, tokens) = EmulatedTranscriptionUsage.For(transcriptionModel, speech, text);
        if (tokens is not null)
        {
            _record.RecordTranscriptionUsage(tokens);
        }

        await SendAsync(Event("conversation.item.input_audio_transcription.completed",
            ("item_id", itemId), ("content_index", 0), ("transcript", text), ("usage", usage)));
    }

    private async Task CreateItemAsync(JsonObject clientEvent)
    {
        if (clientEvent["item"] is not JsonObject item)
        {
            throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'item'.", "item");
        }

        var id = item["id"]?.GetValue<string>() ?? NewId("item");
        var modelItem = ToModelItem(item);
        string? previous;
        lock (_gate)
        {
            if (_conversation.Any(e => e.Id == id))
            {
                throw RealtimeProtocolException.InvalidRequest("item_id_already_exists", $"Item with id '{id}' already exists.", "item.id");
            }

            previous = LastItemIdLocked();
            _conversation.Add(new ConversationEntry(id, modelItem));
            RecordConversationLocked();
        }

        var stored = (JsonObject)item.DeepClone();
        stored["id"] = id;
        stored["object"] = "realtime.item";
        stored["status"] = "completed";
        await SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", stored.DeepClone())));
        await SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", stored)));
    }

    /// <summary>What the emulated model reads from a client item (null: nothing, e.g. a system message).</summary>
    private static ConversationItem? ToModelItem(JsonObject item)
    {
        switch (item["type"]?.GetValue<string>())
        {
            case "message":
                var role = item["role"]?.GetValue<string>();
                if (item["content"] is not JsonArray content || content.Count == 0)
                {
                    throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'item.content'.", "item.content");
                }

                var text = string.Join(' ', content.Select(part => PartText(role, part)));
                return role switch
                {
                    "user" => new ConversationItem.UserMessage(text),
                    "assistant" => new ConversationItem.AssistantMessage(text),
                    "system" => null,
                    _ => throw RealtimeProtocolException.InvalidRequest("invalid_value",
                        $"Invalid value: '{role}'. Supported values are: 'user', 'assistant', and 'system'.", "item.role"),
                };
            case "function_call":
                return new ConversationItem.FunctionCall(
                    Required(item, "call_id"), Required(item, "name"), item["arguments"]?.GetValue<string>() ?? "{}");
            case "function_call_output":
                return new ConversationItem.FunctionOutput(Required(item, "call_id"), Required(item, "output"));
            case var other:
                throw RealtimeProtocolException.InvalidRequest("invalid_value",
                    $"Invalid value: '{other}'. Supported values are: 'message', 'function_call', and 'function_call_output'.", "item.type");
        }
    }

    private static string PartText(string? role, JsonNode? part)
    {
        var type = part?["type"]?.GetValue<string>();
        return (role, type) switch
        {
            ("user" or "system", "input_text") or ("assistant", "output_text") => part!["text"]?.GetValue<string>() ?? "",
            ("user", "input_audio") => part!["transcript"]?.GetValue<string>()
                ?? EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(Convert.FromBase64String(part["audio"]?.GetValue<string>() ?? "").Length / 2.0 / RealtimeSessionConfig.PcmRate)),
            ("assistant", "output_audio") => part!["transcript"]?.GetValue<string>() ?? "",
            _ => throw RealtimeProtocolException.InvalidRequest("invalid_value",
                $"Invalid value: '{type}'. A {role} message cannot hold '{type}' content.", "item.content.type"),
        };
    }

    private static string Required(JsonObject item, string field) =>
        item[field]?.GetValue<string>() ?? throw RealtimeProtocolException.InvalidRequest("missing_required_parameter",
            $"Missing required parameter: 'item.{field}'.", $"item.{field}");

    private async Task DeleteItemAsync(JsonObject clientEvent)
    {
        var id = clientEvent["item_id"]?.GetValue<string>();
        lock (_gate)
        {
            if (_conversation.RemoveAll(e => e.Id == id) == 0)
            {
                throw RealtimeProtocolException.InvalidRequest("invalid_value", $"Item with item_id '{id}' not found.", "item_id");
            }

            RecordConversationLocked();
        }

        await SendAsync(Event("conversation.item.deleted", ("item_id", id)));
    }
}
