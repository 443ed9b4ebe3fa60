using System.Net.WebSockets;
using System.Text.Json;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>Client messages: realtimeInput (audio, activity signals, text), clientContent and toolResponse.</summary>
internal sealed partial class GeminiLiveConnection
{
    private const int WordsPerInputTranscription = 4;

    private EmulatedVoiceActivity _voiceActivity = null!;
    private bool _activityOpen;
    private long _activityAudioBytes;

    /// <summary>Handles one message; false when it was invalid and the connection has been closed.</summary>
    private async Task<bool> DispatchAsync(JsonElement message)
    {
        if (message.TryGetProperty("realtimeInput", out var realtime))
        {
            await OnRealtimeInputAsync(realtime);
            return true;
        }

        if (message.TryGetProperty("clientContent", out var content))
        {
            await OnClientContentAsync(content);
            return true;
        }

        if (message.TryGetProperty("toolResponse", out var toolResponse))
        {
            OnToolResponse(toolResponse);
            return true;
        }

        var name = message.ValueKind == JsonValueKind.Object ? message.EnumerateObject().FirstOrDefault().Name : null;
        await CloseAsync(WebSocketCloseStatus.InvalidPayloadData,
            name == "setup" ? "setup must be the first message only." : $"Invalid JSON payload received. Unknown name \"{name}\".");
        return false;
    }

    private void InitialiseConversation(List<ConversationItem> conversation)
    {
        _conversation = conversation;
        _voiceActivity = new EmulatedVoiceActivity(GeminiLiveProtocol.InputSampleRate, _setup.VoiceThreshold, _setup.SilenceDurationMs);
    }

    private async Task OnRealtimeInputAsync(JsonElement input)
    {
        if (input.TryGetProperty("audio", out var audio))
        {
            await OnAudioAsync(audio);
        }

        // mediaChunks is the older, deprecated form of the same audio stream.
        if (input.TryGetProperty("mediaChunks", out var chunks) && chunks.ValueKind == JsonValueKind.Array)
        {
            foreach (var chunk in chunks.EnumerateArray())
            {
                await OnAudioAsync(chunk);
            }
        }

        if (input.TryGetProperty("activityStart", out _) && !_setup.AutomaticActivityDetection)
        {
            _activityOpen = true;
            _activityAudioBytes = 0;
            Interrupt();
        }

        if (input.TryGetProperty("activityEnd", out _) && !_setup.AutomaticActivityDetection && _activityOpen)
        {
            _activityOpen = false;
            var spoken = _voiceActivity.Flush();
            if (spoken == TimeSpan.Zero)
            {
                spoken = TimeSpan.FromSeconds(_activityAudioBytes / 2.0 / GeminiLiveProtocol.InputSampleRate);
            }

            if (spoken > TimeSpan.Zero)
            {
                await OnUtteranceAsync(spoken);
            }
        }

        if (input.TryGetProperty("audioStreamEnd", out var end) && end.ValueKind == JsonValueKind.True && _setup.AutomaticActivityDetection)
        {
            // The microphone closed: whatever speech was in progress has ended.
            if (_voiceActivity.Flush() is var spoken && spoken > TimeSpan.Zero)
            {
                await OnUtteranceAsync(spoken);
            }
        }

        if (input.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } typed)
        {
            Interrupt();
            QueueTurn(new ConversationItem.UserMessage(typed));
        }
    }

    private async Task OnAudioAsync(JsonElement blob)
    {
        if (!blob.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var pcm = Convert.FromBase64String(data.GetString()!);
        var events = _voiceActivity.Append(pcm);
        if (!_setup.AutomaticActivityDetection)
        {
            // With automatic detection off only activityStart/activityEnd delimit the turn.
            if (_activityOpen)
            {
                _activityAudioBytes += pcm.Length;
            }

            return;
        }

        foreach (var activity in events)
        {
            if (activity.Started)
            {
                Interrupt();
            }
            else
            {
                await OnUtteranceAsync(activity.SpeechLength);
            }
        }
    }

    /// <summary>The candidate finished speaking: transcribe (as the real service's input transcription does) and answer.</summary>
    private async Task OnUtteranceAsync(TimeSpan spoken)
    {
        var text = EmulatedSpeech.Transcribe(spoken);
        if (_setup.InputTranscription)
        {
            var words = text.Split(' ');
            for (var i = 0; i < words.Length; i += WordsPerInputTranscription)
            {
                var piece = string.Join(' ', words.Skip(i).Take(WordsPerInputTranscription));
                await SendAsync(LiveServerMessages.InputTranscription(i == 0 ? piece : " " + piece));
            }
        }

        var utterance = new ConversationItem.UserMessage(text);
        lock (_gate)
        {
            _heardAudio[utterance] = spoken;
        }

        QueueTurn(utterance);
    }

    private Task OnClientContentAsync(JsonElement content)
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

                Append(role == "model" ? new ConversationItem.AssistantMessage(text) : new ConversationItem.UserMessage(text));
            }
        }

        if (content.TryGetProperty("turnComplete", out var complete) && complete.ValueKind == JsonValueKind.True)
        {
            Interrupt();
            QueueTurn(null);
        }

        return Task.CompletedTask;
    }

    private void OnToolResponse(JsonElement toolResponse)
    {
        if (!toolResponse.TryGetProperty("functionResponses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var response in responses.EnumerateArray())
        {
            var id = response.TryGetProperty("id", out var i) ? i.GetString() : null;
            var output = response.TryGetProperty("response", out var r) ? r.GetRawText() : "{}";
            if (id is not null && _pendingCalls.TryRemove(id, out var pending))
            {
                pending.TrySetResult(output);
            }
        }
    }
}
