using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;
using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The input audio buffer: appends, the server VAD over them (speech started/stopped, and with it the turn's commit
/// and response), manual commits and clears. A commit turns the buffer into a user audio item, transcribed when
/// the session asks for transcription. Only the receive loop uses it, one client event at a time.
/// </summary>
internal sealed class InputAudioBuffer(
    RealtimeSessionState session, RealtimeConversation conversation, RealtimeResponses responses, RealtimeEventWriter events,
    RecordedRealtimeSession record)
{
    /// <summary>The real API refuses to commit less than 100 ms of audio.</summary>
    private static readonly int MinCommitBytes = RealtimeSessionConfig.PcmRate / 10 * 2;

    private readonly MemoryStream _buffer = new();
    private EmulatedVoiceActivity _voiceActivity = NewVoiceActivity(session.Current.TurnDetection);

    // VAD offsets count from the session's first input sample, across VAD reconfigurations.
    private TimeSpan _voiceActivityBase;
    private string? _speechItemId;

    // Without turn detection, the speech heard since the last commit (the VAD still measures it).
    private TimeSpan _bufferedSpeech;

    /// <summary>The session's turn detection changed: the VAD starts over with its settings, offsets carry on.</summary>
    public void Reconfigure(RealtimeTurnDetection? detection)
    {
        _voiceActivityBase += _voiceActivity.Position;
        _voiceActivity = NewVoiceActivity(detection);
    }

    /// <summary>`input_audio_buffer.append` by the general path: the base64 `audio` field.</summary>
    public async Task AppendAsync(JsonObject clientEvent)
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
    public async Task AppendPcmAsync(ReadOnlyMemory<byte> pcm)
    {
        if (pcm.Length % 2 != 0)
        {
            throw RealtimeProtocolException.InvalidRequest("invalid_value", "Invalid 'audio'. PCM16 audio must have an even number of bytes.", "audio");
        }

        _buffer.Write(pcm.Span);
        var activity = _voiceActivity.Append(pcm.Span);
        var detection = session.Current.TurnDetection;
        if (detection is null)
        {
            _bufferedSpeech += activity.Where(a => !a.Started).Aggregate(TimeSpan.Zero, (sum, a) => sum + a.SpeechLength);
            return;
        }

        foreach (var voice in activity)
        {
            if (voice.Started)
            {
                await SpeechStartedAsync(detection, _voiceActivityBase + voice.Offset);
            }
            else
            {
                await SpeechStoppedAsync(detection, _voiceActivityBase + voice.Offset, voice.SpeechLength);
            }
        }
    }

    /// <summary>`input_audio_buffer.commit`: at least 100 ms, or the API's error.</summary>
    public async Task CommitAsync()
    {
        var buffered = (int)_buffer.Length;
        if (buffered < MinCommitBytes)
        {
            throw RealtimeProtocolException.InvalidRequest("input_audio_buffer_commit_empty",
                $"Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has {buffered * 1000.0 / 2 / RealtimeSessionConfig.PcmRate:0.00}ms of audio.");
        }

        var speech = _bufferedSpeech + _voiceActivity.Flush();
        if (speech == TimeSpan.Zero)
        {
            // Nothing crossed the VAD threshold: the model still "hears" the whole buffer.
            speech = TimeSpan.FromSeconds(buffered / 2.0 / RealtimeSessionConfig.PcmRate);
        }

        await CommitBufferAsync(speech, _speechItemId ?? NewId("item"));
    }

    /// <summary>`input_audio_buffer.clear`.</summary>
    public async Task ClearAsync()
    {
        _buffer.SetLength(0);
        _voiceActivity.Flush();
        _bufferedSpeech = TimeSpan.Zero;
        _speechItemId = null;
        await events.SendAsync(Event("input_audio_buffer.cleared"));
    }

    private async Task SpeechStartedAsync(RealtimeTurnDetection detection, TimeSpan offset)
    {
        _speechItemId = NewId("item");
        var start = offset - TimeSpan.FromMilliseconds(detection.PrefixPaddingMs);
        await events.SendAsync(Event("input_audio_buffer.speech_started",
            ("audio_start_ms", (int)Math.Max(0, start.TotalMilliseconds)), ("item_id", _speechItemId)));
        if (detection.InterruptResponse && responses.Current is { } response)
        {
            response.Cancel("turn_detected");
        }
    }

    private async Task SpeechStoppedAsync(RealtimeTurnDetection detection, TimeSpan offset, TimeSpan speech)
    {
        var itemId = _speechItemId ?? NewId("item");
        await events.SendAsync(Event("input_audio_buffer.speech_stopped",
            ("audio_end_ms", (int)(offset + TimeSpan.FromMilliseconds(detection.SilenceDurationMs)).TotalMilliseconds), ("item_id", itemId)));
        await CommitBufferAsync(speech, itemId);
        if (detection.CreateResponse)
        {
            // A response the speech interrupted may still be sending its last events; the new one follows it.
            if (responses.Current is { Cancelling: true } interrupted)
            {
                await interrupted.Completion;
            }

            responses.Start();
        }
    }

    /// <summary>The buffer becomes a user audio item; its transcript is what the emulated model hears.</summary>
    private async Task CommitBufferAsync(TimeSpan speech, string itemId)
    {
        var text = EmulatedSpeech.Transcribe(speech);
        _buffer.SetLength(0);
        _bufferedSpeech = TimeSpan.Zero;
        var previous = conversation.Append(new ConversationEntry(itemId, new ConversationItem.UserMessage(text)) { InputAudio = speech });
        var transcriptionModel = session.Current.TranscriptionModel;
        _speechItemId = null;

        await events.SendAsync(Event("input_audio_buffer.committed", ("previous_item_id", previous), ("item_id", itemId)));
        var item = new JsonObject
        {
            ["id"] = itemId,
            ["object"] = "realtime.item",
            ["type"] = "message",
            ["status"] = "completed",
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_audio", ["transcript"] = null }),
        };
        await events.SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", item.DeepClone())));
        await events.SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", item)));
        if (transcriptionModel is not null)
        {
            await TranscribeAsync(itemId, text, speech, transcriptionModel);
        }
    }

    /// <summary>The committed item's transcription: a delta per word, then the whole transcript and its usage.</summary>
    private async Task TranscribeAsync(string itemId, string text, TimeSpan speech, string transcriptionModel)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await events.SendAsync(Event("conversation.item.input_audio_transcription.delta",
                ("item_id", itemId), ("content_index", 0), ("delta", i == 0 ? words[i] : " " + words[i])));
        }

        var (usage, tokens) = EmulatedTranscriptionUsage.For(transcriptionModel, speech, text);
        if (tokens is not null)
        {
            record.RecordTranscriptionUsage(tokens);
        }

        await events.SendAsync(Event("conversation.item.input_audio_transcription.completed",
            ("item_id", itemId), ("content_index", 0), ("transcript", text), ("usage", usage)));
    }

    private static EmulatedVoiceActivity NewVoiceActivity(RealtimeTurnDetection? detection) =>
        new(RealtimeSessionConfig.PcmRate, 0.04 * (detection?.Threshold ?? 0.5), detection?.SilenceDurationMs ?? 200);
}
