using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenAI.Realtime;

namespace SyncHire.Providers.OpenAI;

/// <summary>Server updates → <see cref="ProviderEvent"/>s, and the response bookkeeping they drive.</summary>
public sealed partial class OpenAIRealtimeSession
{
    // Shared by the event reader and the command methods.
    private readonly Lock _gate = new();
    private ResponseState? _response;
    private bool _responseRequested;
    private bool _responseDeferred;
    private bool _candidateSpeaking;
    private long _uncommittedBytes;

    private async IAsyncEnumerable<ProviderEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("A realtime session's events have one reader.");
        }

        // One token for the whole read, linked once: the session's lifetime or the reader's end. Cancelling a
        // WebSocket receive aborts the socket, which is right here: a reader stops only when the session's owner is
        // done with it and disposes it next. Waiting on each receive with WaitAsync cost a Task, a promise and a
        // callback registration per event.
        using var stop = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, cancellationToken) : null;
        var token = stop?.Token ?? _lifetime.Token;
        while (true)
        {
            RealtimeServerMessage message = default;
            ProviderError? lost = null;
            try
            {
                var next = await _reader.ReadAsync(token);
                if (next is { } received)
                {
                    message = received;
                }
                else
                {
                    lost = new ProviderError("session_closed", "The OpenAI Realtime server closed the session.", Fatal: true);
                }
            }
            catch (Exception exception) when (Volatile.Read(ref _disposed) == 1 || cancellationToken.IsCancellationRequested)
            {
                OpenAIRealtimeLog.ReadingStopped(_logger, exception);
                yield break;
            }
            catch (Exception exception)
            {
                // A dropped socket (no close frame) or an unreadable message: this session is over either way.
                OpenAIRealtimeLog.ConnectionLost(_logger, exception.Message);
                lost = new ProviderError("connection_lost", $"The OpenAI Realtime connection was lost: {exception.Message}", Fatal: true);
            }

            if (lost is not null)
            {
                if (Volatile.Read(ref _disposed) == 0)
                {
                    yield return lost;
                }

                yield break;
            }

            if (message.IsOutputAudio)
            {
                if (TranslateOutputAudio(message.OutputAudio) is { } audio)
                {
                    yield return audio;
                }

                continue;
            }

            var translated = Translate(message.Update!, out var startDeferredResponse);
            foreach (var providerEvent in translated)
            {
                yield return providerEvent;
                if (providerEvent is ProviderError { Fatal: true })
                {
                    yield break;
                }
            }

            if (startDeferredResponse)
            {
                await SendAsync(token => _connection.StartResponseAsync(token), cancellationToken);
            }
        }
    }

    /// <summary>The interviewer's audio, unless the response it belongs to was cancelled (barge-in).</summary>
    private AudioDelta? TranslateOutputAudio(ReadOnlyMemory<byte> pcm)
    {
        lock (_gate)
        {
            if (_response is not { Cancelled: false } response)
            {
                return null;
            }

            response.AudioBytes += pcm.Length;
            return new AudioDelta(pcm);
        }
    }

    private List<ProviderEvent> Translate(RealtimeServerUpdate update, out bool startDeferredResponse)
    {
        startDeferredResponse = false;
        lock (_gate)
        {
            switch (update)
            {
                case RealtimeServerUpdateResponseCreated:
                    _response = new ResponseState();
                    _responseRequested = false;
                    return [new ResponseStarted()];

                case RealtimeServerUpdateResponseOutputItemAdded { Item: RealtimeMessageItem message } when _response is { } response:
                    response.AudioItemId = message.Id;
                    response.AudioBytes = 0;
                    return [];

                case RealtimeServerUpdateResponseOutputItemAdded { Item: RealtimeFunctionCallItem call } when _response is { } response:
                    response.FunctionNames[call.CallId] = call.FunctionName;
                    return [];

                case RealtimeServerUpdateResponseOutputAudioTranscriptDelta { Delta: var delta } when _response is { Cancelled: false } response:
                    response.Text.Append(delta);
                    return [new OutputTranscriptDelta(delta, IsFinal: false)];

                case RealtimeServerUpdateResponseOutputTextDelta { Delta: var delta } when _response is { Cancelled: false } response:
                    response.Text.Append(delta);
                    return [new OutputTranscriptDelta(delta, IsFinal: false)];

                case RealtimeServerUpdateResponseOutputAudioTranscriptDone { Transcript: var transcript } when _response is { Cancelled: false }:
                    return [new OutputTranscriptDelta(transcript, IsFinal: true)];

                case RealtimeServerUpdateResponseOutputTextDone { Text: var text } when _response is { Cancelled: false }:
                    return [new OutputTranscriptDelta(text, IsFinal: true)];

                case RealtimeServerUpdateResponseFunctionCallArgumentsDone call:
                    // Passed on even from a cancelled response: the model expects its output, and the grain's state
                    // (an answer stored, the interview ended) must not depend on when the candidate spoke up.
                    var name = call.FunctionName ?? _response?.FunctionNames.GetValueOrDefault(call.CallId) ?? "";
                    return [new ToolCall(call.CallId, name, call.FunctionArguments?.ToString() ?? "{}")];

                case RealtimeServerUpdateResponseDone done:
                    return ResponseDone(done.Response, out startDeferredResponse);

                case RealtimeServerUpdateInputAudioBufferSpeechStarted started:
                    _candidateSpeaking = true;
                    return [new SpeechStarted(started.AudioStartTime)];

                case RealtimeServerUpdateInputAudioBufferSpeechStopped stopped:
                    _candidateSpeaking = false;
                    return [new SpeechStopped(stopped.AudioEndTime)];

                case RealtimeServerUpdateInputAudioBufferCommitted:
                    Interlocked.Exchange(ref _uncommittedBytes, 0);
                    return [];

                case RealtimeServerUpdateConversationItemInputAudioTranscriptionDelta { Delta: { Length: > 0 } delta }:
                    return [new InputTranscriptDelta(delta, IsFinal: false)];

                case RealtimeServerUpdateConversationItemInputAudioTranscriptionCompleted completed:
                    // The input transcription model is billed apart from the realtime model; token-priced ones
                    // (gpt-4o-transcribe) report tokens, whisper-1 reports seconds, already in the audio-in usage.
                    return RealtimeTokens.From(completed.Usage) is { IsEmpty: false } transcription
                        ? [new UsageReported(transcription with { Model = _transcriptionModel }), new InputTranscriptDelta(completed.Transcript ?? "", IsFinal: true)]
                        : [new InputTranscriptDelta(completed.Transcript ?? "", IsFinal: true)];

                case RealtimeServerUpdateConversationItemInputAudioTranscriptionFailed failed:
                    return [new ProviderError("transcription_failed", failed.Error?.Message ?? "The candidate's audio could not be transcribed.", Fatal: false)];

                case RealtimeServerUpdateError { Error: var error }:
                    return ServerError(error);

                default:
                    return [];
            }
        }
    }

    private List<ProviderEvent> ResponseDone(RealtimeResponse? result, out bool startDeferredResponse)
    {
        var response = _response ?? new ResponseState();
        _response = null;
        _responseRequested = false;
        startDeferredResponse = _responseDeferred;
        if (_responseDeferred)
        {
            _responseDeferred = false;
            _responseRequested = true;
        }

        List<ProviderEvent> events = [];
        if (result?.Status == RealtimeResponseStatus.Failed)
        {
            var error = result.StatusDetails?.Error;
            events.Add(new ProviderError(error?.Code ?? "response_failed", error?.Message ?? "The response failed.", Fatal: false));
        }

        // Every response.done carries the response's own usage (cancelled and failed ones too: they were billed).
        if (RealtimeTokens.From(result?.Usage) is { IsEmpty: false } tokens)
        {
            events.Add(new UsageReported(tokens with { Model = _model }));
        }

        var cancelled = response.Cancelled || result?.Status == RealtimeResponseStatus.Cancelled;
        events.Add(new ResponseDone(response.Text.Length > 0 ? response.Text.ToString() : null, cancelled));
        return events;
    }

    private List<ProviderEvent> ServerError(RealtimeError? error)
    {
        var code = error?.Code ?? error?.Kind ?? "error";
        var message = error?.Message ?? "The OpenAI Realtime server reported an error.";
        switch (code)
        {
            case "response_cancel_not_active":
                // Our cancel raced the response's own end (the server generates faster than the candidate listens).
                return [];
            case "conversation_already_has_active_response":
                // A server-VAD response started before our request reached it; that response answers the turn.
                _responseRequested = false;
                OpenAIRealtimeLog.ResponseRequestOvertaken(_logger);
                return [];
            case "session_expired":
                return [new ProviderError(code, message, Fatal: true)];
            default:
                OpenAIRealtimeLog.ServerErrorReported(_logger, code, message);
                return [new ProviderError(code, message, Fatal: false)];
        }
    }

    /// <summary>The response the caller is receiving, as far as it has read.</summary>
    private sealed class ResponseState
    {
        public bool Cancelled { get; set; }

        /// <summary>The assistant message whose audio is playing (what a barge-in truncates).</summary>
        public string? AudioItemId { get; set; }

        public long AudioBytes { get; set; }

        public StringBuilder Text { get; } = new();

        /// <summary>Function names by call id, from `response.output_item.added` (older servers omit the name later).</summary>
        public Dictionary<string, string> FunctionNames { get; } = [];
    }
}
