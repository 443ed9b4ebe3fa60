using System.Text;
using System.Text.Json;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// Server messages → provider events. A model turn (audio, output transcription, tool calls) is one response,
/// from its first output to turnComplete; the candidate's input transcription is final when the model starts
/// answering. Gemini sends no speech-started event, so input transcription and `interrupted` stand in for it.
/// </summary>
internal sealed partial class GeminiLiveSession
{
    private readonly Dictionary<string, string> _pendingCalls = new(StringComparer.Ordinal);
    private readonly StringBuilder _responseText = new();
    private readonly StringBuilder _segmentText = new();
    private readonly StringBuilder _inputText = new();
    private bool _responseOpen;
    private bool _speechDeclared;

    /// <summary>Handles one message of the current connection; runs on its reader, under <see cref="_gate"/>.</summary>
    private void HandleLocked(JsonElement message)
    {
        // First: usage rides on the frame that completes the turn, and must reach the grain before the end of the
        // response does (the interview's last response ends the interview).
        HandleUsageLocked(message);
        if (message.TryGetProperty("serverContent", out var content))
        {
            HandleServerContentLocked(content);
        }

        if (message.TryGetProperty("toolCall", out var toolCall) && toolCall.TryGetProperty("functionCalls", out var calls))
        {
            OpenResponseLocked();
            FlushSegmentLocked();
            foreach (var call in calls.EnumerateArray())
            {
                var name = call.GetProperty("name").GetString()!;
                var id = call.TryGetProperty("id", out var idElement) && idElement.GetString() is { Length: > 0 } given
                    ? given
                    : "gemini-call-" + Guid.NewGuid().ToString("N");
                _pendingCalls[id] = name;
                var arguments = call.TryGetProperty("args", out var args) ? args.GetRawText() : "{}";
                Emit(new ToolCall(id, name, arguments));
            }
        }

        if (message.TryGetProperty("toolCallCancellation", out var cancellation) && cancellation.TryGetProperty("ids", out var ids))
        {
            foreach (var id in ids.EnumerateArray())
            {
                _pendingCalls.Remove(id.GetString() ?? "");
            }
        }

        if (message.TryGetProperty("sessionResumptionUpdate", out var update))
        {
            HandleResumptionUpdateLocked(update);
        }

        if (message.TryGetProperty("goAway", out var goAway))
        {
            HandleGoAwayLocked(goAway);
        }
    }

    /// <summary>A message's `usageMetadata` (any message may carry one beside its other field).</summary>
    private void HandleUsageLocked(JsonElement message)
    {
        if (message.TryGetProperty("usageMetadata", out var usage) && GeminiTokens.From(usage) is { IsEmpty: false } tokens)
        {
            Emit(new UsageReported(tokens with { Model = _setup.Model }));
        }
    }

    private void HandleServerContentLocked(JsonElement content)
    {
        if (content.TryGetProperty("inputTranscription", out var input) && input.TryGetProperty("text", out var inputText)
            && inputText.GetString() is { Length: > 0 } heard)
        {
            if (!_speechDeclared && !_responseOpen)
            {
                _speechDeclared = true;
                Emit(new SpeechStarted(AudioPosition));
            }

            _inputText.Append(heard);
            Emit(new InputTranscriptDelta(heard, IsFinal: false));
        }

        if (content.TryGetProperty("modelTurn", out var modelTurn) && modelTurn.TryGetProperty("parts", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                if (part.TryGetProperty("inlineData", out var inline) && inline.TryGetProperty("data", out var data))
                {
                    OpenResponseLocked();
                    var mimeType = inline.TryGetProperty("mimeType", out var mime) ? mime.GetString() : null;
                    Emit(new AudioDelta(GeminiModelAudio.To24k(Convert.FromBase64String(data.GetString()!), GeminiModelAudio.RateOf(mimeType))));
                }
            }
        }

        if (content.TryGetProperty("outputTranscription", out var output) && output.TryGetProperty("text", out var outputText)
            && outputText.GetString() is { Length: > 0 } said)
        {
            OpenResponseLocked();
            _responseText.Append(said);
            _segmentText.Append(said);
            Emit(new OutputTranscriptDelta(said, IsFinal: false));
        }

        if (IsTrue(content, "interrupted") && _responseOpen)
        {
            // The candidate spoke over the model: the grain's barge-in follows SpeechStarted, and the answer ends cancelled.
            if (!_speechDeclared)
            {
                _speechDeclared = true;
                Emit(new SpeechStarted(AudioPosition));
            }

            _pendingCalls.Clear();
            CloseResponseLocked(cancelled: true);
        }

        if (IsTrue(content, "generationComplete"))
        {
            FlushSegmentLocked();
        }

        if (IsTrue(content, "turnComplete"))
        {
            FinishInputLocked();
            if (_responseOpen)
            {
                FlushSegmentLocked();
                CloseResponseLocked(cancelled: false);
            }
        }
    }

    /// <summary>A message that was only model audio (see <see cref="GeminiModelAudio"/>), as the general path would handle it.</summary>
    private void HandleModelAudioLocked(IReadOnlyList<ReadOnlyMemory<byte>> pcmParts)
    {
        for (var i = 0; i < pcmParts.Count; i++)
        {
            OpenResponseLocked();
            Emit(new AudioDelta(pcmParts[i]));
        }
    }

    private void OpenResponseLocked()
    {
        if (_responseOpen)
        {
            return;
        }

        FinishInputLocked();
        _responseOpen = true;
        _handleIsCurrent = false;
        Emit(new ResponseStarted());
    }

    /// <summary>The interviewer's words so far become one final transcript (before a tool call, and at the end of the turn).</summary>
    private void FlushSegmentLocked()
    {
        var text = _segmentText.ToString().Trim();
        _segmentText.Clear();
        if (text.Length > 0)
        {
            Emit(new OutputTranscriptDelta(text, IsFinal: true));
        }
    }

    private void CloseResponseLocked(bool cancelled)
    {
        var text = _responseText.ToString().Trim();
        _responseText.Clear();
        _segmentText.Clear();
        _responseOpen = false;
        Emit(new ResponseDone(text.Length > 0 ? text : null, cancelled));
    }

    /// <summary>The candidate's turn is over: its whole transcript, then the end of speech.</summary>
    private void FinishInputLocked()
    {
        var text = _inputText.ToString().Trim();
        _inputText.Clear();
        if (text.Length > 0)
        {
            Emit(new InputTranscriptDelta(text, IsFinal: true));
        }

        if (_speechDeclared)
        {
            _speechDeclared = false;
            Emit(new SpeechStopped(AudioPosition));
        }
    }

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
