using System.Text.Json;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// realtimeInput: the candidate's audio through the emulated voice activity detection (or, with automatic
/// detection off, between the client's activityStart and activityEnd), audioStreamEnd, and typed text. Speech
/// starting interrupts the model's turn; an utterance ending is transcribed, when the client asked for input
/// transcription, and answered by a new turn. Used by the receive loop only.
/// </summary>
internal sealed class LiveRealtimeInput(LiveSetup setup, LiveConversation conversation, LiveModelTurns turns, LiveMessageWriter writer)
{
    private const int WordsPerInputTranscription = 4;

    private readonly EmulatedVoiceActivity _voiceActivity = new(GeminiLiveProtocol.InputSampleRate, setup.VoiceThreshold, setup.SilenceDurationMs);
    private bool _activityOpen;
    private long _activityAudioBytes;

    public async Task OnRealtimeInputAsync(JsonElement input)
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

        if (input.TryGetProperty("activityStart", out _) && !setup.AutomaticActivityDetection)
        {
            _activityOpen = true;
            _activityAudioBytes = 0;
            turns.Interrupt();
        }

        if (input.TryGetProperty("activityEnd", out _) && !setup.AutomaticActivityDetection && _activityOpen)
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

        if (input.TryGetProperty("audioStreamEnd", out var end) && end.ValueKind == JsonValueKind.True && setup.AutomaticActivityDetection)
        {
            // The microphone closed: whatever speech was in progress has ended.
            if (_voiceActivity.Flush() is var spoken && spoken > TimeSpan.Zero)
            {
                await OnUtteranceAsync(spoken);
            }
        }

        if (input.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } typed)
        {
            turns.Interrupt();
            turns.Queue(new ConversationItem.UserMessage(typed));
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
        if (!setup.AutomaticActivityDetection)
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
                turns.Interrupt();
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
        if (setup.InputTranscription)
        {
            var words = text.Split(' ');
            for (var i = 0; i < words.Length; i += WordsPerInputTranscription)
            {
                var piece = string.Join(' ', words.Skip(i).Take(WordsPerInputTranscription));
                await writer.SendAsync(LiveServerMessages.InputTranscription(i == 0 ? piece : " " + piece));
            }
        }

        var utterance = new ConversationItem.UserMessage(text);
        conversation.Heard(utterance, spoken);
        turns.Queue(utterance);
    }
}
