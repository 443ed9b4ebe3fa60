using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using SyncHire.Audio;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// The conversation loop: each turn is transcribed, answered by the chat model (which may call the interview
/// tools, answered by the caller, before it speaks) and spoken sentence by sentence. One response at a time; input
/// that arrives meanwhile waits its turn.
/// </summary>
public sealed partial class PipelineSession
{
    /// <summary>Completions in one response: enough for store_answer, fetch_next_question and the words, never a loop.</summary>
    private const int MaxCompletionsPerResponse = 6;

    private readonly List<ChatMessage> _history = [];
    private readonly Queue<PipelineInput> _deferred = new();
    private int _responseCount;

    private void SeedHistory(IReadOnlyList<HistoryTurn> history)
    {
        foreach (var turn in history.Where(t => !string.IsNullOrWhiteSpace(t.Text)))
        {
            _history.Add(turn.Speaker == "interviewer"
                ? new AssistantChatMessage(turn.Text)
                : new UserChatMessage(turn.Text));
        }
    }

    private async Task RunConversationAsync()
    {
        var cancellationToken = _lifetime.Token;
        try
        {
            while (true)
            {
                var input = await NextInputAsync(cancellationToken).ConfigureAwait(false);
                switch (input)
                {
                    case ResponseRequested:
                        await RespondAsync(null, cancellationToken).ConfigureAwait(false);
                        break;
                    case SpokenTurn or TypedTurn:
                        await RespondAsync(input, cancellationToken).ConfigureAwait(false);
                        break;

                    // A tool result nobody is waiting for belongs to a response that already ended.
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException && cancellationToken.IsCancellationRequested)
        {
            // Disposed: the conversation simply stops.
        }
        catch (ChannelClosedException)
        {
            // Closed after a fatal error: already reported.
        }
        catch (PipelineStepFailedException failure)
        {
            PipelineLog.StepFailed(_logger, failure.Error.Code, failure.Error.Message);
            Close(failure.Error);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A bug or a response the package could not read: tell the grain, which reconnects or fails over.
            PipelineLog.SessionFailed(_logger, exception);
            Close(new ProviderError("pipeline_failed", $"The pipeline session failed: {exception.GetType().Name}: {exception.Message}", Fatal: true));
        }
    }

    private ValueTask<PipelineInput> NextInputAsync(CancellationToken cancellationToken) =>
        _deferred.TryDequeue(out var deferred) ? ValueTask.FromResult(deferred) : _inputs.Reader.ReadAsync(cancellationToken);

    /// <summary>Reports a fatal error, then ends the event stream; later input is ignored.</summary>
    private void Close(ProviderError error)
    {
        lock (_gate)
        {
            _closed = 1;
        }

        Emit(error);
        _events.Complete();
        _inputs.Writer.TryComplete();
    }

    /// <summary>
    /// One interviewer response to <paramref name="turn"/> (null: speak without new input). A cancel stops the
    /// speech; tool calls already made are still answered first, because the chat API refuses a history with an
    /// unanswered call.
    /// </summary>
    private async Task RespondAsync(PipelineInput? turn, CancellationToken cancellationToken)
    {
        var responseId = ++_responseCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _events.StartedProducing(responseId, stop);

        var spoken = new List<string>();
        try
        {
            Emit(new ResponseStarted(), responseId);
            string? candidateText = null;
            if (turn is SpokenTurn spokenTurn)
            {
                (candidateText, var tokens) = await _client.TranscribeAsync(spokenTurn.Pcm16Mono16k, cancellationToken).ConfigureAwait(false);
                ReportUsage(tokens, responseId);
            }
            else if (turn is TypedTurn typed)
            {
                candidateText = typed.Text;
            }

            if (candidateText is { Length: 0 })
            {
                // Noise, not words: nothing to answer, and nothing for the transcript.
                PipelineLog.EmptyTranscription(_logger);
            }
            else
            {
                if (candidateText is not null)
                {
                    Emit(new InputTranscriptDelta(candidateText, IsFinal: true), responseId);
                    _history.Add(new UserChatMessage(candidateText));
                }

                await CompleteAndSpeakAsync(responseId, spoken, stop.Token, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Interrupted while the model was thinking: its answer is dropped.
        }
        finally
        {
            _events.StoppedProducing();
        }

        Emit(new ResponseDone(spoken.Count > 0 ? string.Join(" ", spoken) : null, stop.IsCancellationRequested), responseId);
    }

    /// <summary>
    /// Chat completions until the model stops calling tools: its words are spoken as they come, its calls go to the
    /// caller and their results back into the conversation.
    /// </summary>
    private async Task CompleteAndSpeakAsync(int responseId, List<string> spoken, CancellationToken stopToken, CancellationToken cancellationToken)
    {
        for (var completions = 0; completions < MaxCompletionsPerResponse && !stopToken.IsCancellationRequested; completions++)
        {
            var completion = await _client.CompleteAsync(ChatMessages(), ChatOptions(), stopToken).ConfigureAwait(false);
            ReportUsage(ChatCompletionTokens.From(completion), responseId);
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
            if (text.Length > 0)
            {
                spoken.Add(text);
                if (!await SpeakAsync(text, responseId, stopToken).ConfigureAwait(false))
                {
                    // Interrupted: the words are kept (the candidate heard some), the calls that followed are not made.
                    _history.Add(new AssistantChatMessage(text));
                    return;
                }
            }

            if (completion.ToolCalls.Count == 0)
            {
                if (text.Length > 0)
                {
                    _history.Add(new AssistantChatMessage(text));
                }

                return;
            }

            _history.Add(new AssistantChatMessage(completion));
            foreach (var call in completion.ToolCalls)
            {
                Emit(new ToolCall(call.Id, call.FunctionName, call.FunctionArguments.ToString()), responseId);
            }

            await ReceiveToolResultsAsync(completion.ToolCalls.Select(c => c.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the caller's result for each call; turns that arrive meanwhile wait for the next response.</summary>
    private async Task ReceiveToolResultsAsync(IEnumerable<string> callIds, CancellationToken cancellationToken)
    {
        var pending = callIds.ToHashSet(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            switch (await _inputs.Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                case ToolResultReceived result when pending.Remove(result.CallId):
                    _history.Add(new ToolChatMessage(result.CallId, result.ResultJson));
                    break;
                case ToolResultReceived:
                    break; // Stale: for a call of an earlier response.
                case var other:
                    _deferred.Enqueue(other);
                    break;
            }
        }
    }

    /// <summary>
    /// Says <paramref name="text"/>: its transcript first (the text is known before any audio), then each sentence's
    /// audio as the speech endpoint streams it, in 100 ms deltas. False when a cancel stopped it.
    /// </summary>
    private async Task<bool> SpeakAsync(string text, int responseId, CancellationToken stopToken)
    {
        Emit(new OutputTranscriptDelta(text, IsFinal: true), responseId);
        var voice = _options.Voice ?? _settings.Voice;
        var chunk = new byte[AudioChunkBytes];
        var filled = 0;
        try
        {
            foreach (var sentence in SentenceSplitter.Split(text))
            {
                await foreach (var audio in _client.SpeakAsync(sentence, voice, stopToken).ConfigureAwait(false))
                {
                    var remaining = audio.Span;
                    while (!remaining.IsEmpty)
                    {
                        var take = Math.Min(remaining.Length, AudioChunkBytes - filled);
                        remaining[..take].CopyTo(chunk.AsSpan(filled));
                        remaining = remaining[take..];
                        filled += take;
                        if (filled == AudioChunkBytes)
                        {
                            Emit(new AudioDelta(chunk), responseId);
                            chunk = new byte[AudioChunkBytes];
                            filled = 0;
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            return false;
        }

        filled -= filled % Pcm16.BytesPerSample;
        if (filled > 0)
        {
            Emit(new AudioDelta(chunk.AsMemory(0, filled)), responseId);
        }

        return true;
    }

    /// <summary>Each call's usage as it comes: a response interrupted later has still been billed for its calls so far.</summary>
    private void ReportUsage(TokenUsage? tokens, int responseId)
    {
        if (tokens is { IsEmpty: false })
        {
            Emit(new UsageReported(tokens), responseId);
        }
    }

    private List<ChatMessage> ChatMessages() => [new SystemChatMessage(Volatile.Read(ref _instructions)), .. _history];

    private ChatCompletionOptions ChatOptions()
    {
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = _settings.MaxTokens,
            Temperature = _settings.Temperature,
        };
        foreach (var tool in _options.Tools)
        {
            options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersJsonSchema)));
        }

        if (options.Tools.Count > 0)
        {
            options.ToolChoice = ChatToolChoice.CreateAutoChoice();
        }

        return options;
    }
}
