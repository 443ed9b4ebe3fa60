using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// Model turns. One runs at a time, in order; input that arrives meanwhile waits in a queue so the running turn
/// decides on the conversation it started with. A turn speaks (audio chunks with output transcription alongside),
/// calls functions and waits for their responses, then ends with generationComplete and turnComplete and a fresh
/// resumption handle. New activity from the candidate interrupts it.
/// </summary>
internal sealed partial class GeminiLiveConnection
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _pendingCalls = new(StringComparer.Ordinal);
    private readonly List<ConversationItem> _queued = [];
    private List<ConversationItem> _conversation = [];
    private int _turnRequests;
    private Task _turns = Task.CompletedTask;
    private bool _turnRunning;
    private CancellationTokenSource? _turnCancellation;
    private int _callCount;

    /// <summary>The candidate's utterances (by reference) and their audio: the model reads them as audio, not text.</summary>
    private readonly Dictionary<ConversationItem, TimeSpan> _heardAudio = new(ReferenceEqualityComparer.Instance);

    /// <summary>The running turn's usage; only the turn task touches it.</summary>
    private LiveTurnUsage _turnUsage = new();

    /// <summary>Adds history (clientContent without turnComplete) now, or after the running turn.</summary>
    private void Append(ConversationItem item)
    {
        lock (_gate)
        {
            (_turnRunning ? _queued : _conversation).Add(item);
        }
    }

    private void QueueTurn(ConversationItem? input)
    {
        lock (_gate)
        {
            if (input is not null)
            {
                _queued.Add(input);
            }

            _turnRequests++;
            if (_turnRunning)
            {
                return;
            }

            _turnRunning = true;
            _turns = Task.Run(RunTurnsAsync);
        }
    }

    /// <summary>The candidate became active (or typed): the running turn stops, as with the real service's default activity handling.</summary>
    private void Interrupt()
    {
        lock (_gate)
        {
            _turnCancellation?.Cancel();
        }
    }

    private async Task RunTurnsAsync()
    {
        while (true)
        {
            CancellationTokenSource cancellation;
            lock (_gate)
            {
                if (_turnRequests == 0 || _lifetime.IsCancellationRequested)
                {
                    _turnRunning = false;
                    return;
                }

                _turnRequests = 0;
                _conversation.AddRange(_queued);
                _queued.Clear();
                cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
                _turnCancellation = cancellation;
            }

            _turnUsage = new LiveTurnUsage();

            try
            {
                await RunTurnAsync(cancellation.Token);
            }
            catch (OperationCanceledException) when (!_lifetime.IsCancellationRequested)
            {
                await EndInterruptedTurnAsync();
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                lock (_gate)
                {
                    _turnRunning = false;
                }

                return;
            }
            finally
            {
                lock (_gate)
                {
                    _turnCancellation = null;
                }

                cancellation.Dispose();
            }
        }
    }

    private async Task RunTurnAsync(CancellationToken cancellationToken)
    {
        // While the model generates, the session cannot be resumed at this point.
        await SendResumptionUpdateAsync(resumable: false);
        while (true)
        {
            ModelTurn next;
            lock (_gate)
            {
                next = InterviewerModel.NextTurn(_setup.Instructions, _conversation, _setup.ToolNames);
                ReadContextLocked();
            }

            if (next.Say is { } say)
            {
                await SpeakAsync(say, cancellationToken);
            }

            if (next.Call is not { } call)
            {
                break;
            }

            _turnUsage.Called(call);
            var id = $"function-call-{Interlocked.Increment(ref _callCount)}-{Guid.NewGuid():N}"[..32];
            var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pendingCalls[id] = pending;
            lock (_gate)
            {
                _conversation.Add(new ConversationItem.FunctionCall(id, call.Name, call.ArgumentsJson));
            }

            await SendAsync(LiveServerMessages.ToolCall(id, call.Name, JsonNode.Parse(call.ArgumentsJson)));
            var output = await pending.Task.WaitAsync(cancellationToken);
            lock (_gate)
            {
                _conversation.Add(new ConversationItem.FunctionOutput(id, output));
            }
        }

        await SendAsync(LiveServerMessages.GenerationComplete());
        await SendTurnCompleteAsync();
        await SendResumptionUpdateAsync(resumable: true);
    }

    private async Task SpeakAsync(string text, CancellationToken cancellationToken)
    {
        var pcm = EmulatedSpeech.Synthesize(text, GeminiLiveProtocol.OutputSampleRate);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var chunkBytes = (int)(GeminiLiveProtocol.OutputSampleRate * Options.AudioChunk.TotalSeconds) * 2;
        var chunkCount = (pcm.Length + chunkBytes - 1) / chunkBytes;
        var chunk = 0;
        var wordsSent = 0;
        try
        {
            await foreach (var audio in AudioPacer.ChunksAsync(pcm, GeminiLiveProtocol.OutputSampleRate, Options, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await SendAsync(LiveServerMessages.Audio(audio.Span));
                _turnUsage.Said(TimeSpan.FromSeconds(audio.Length / 2.0 / GeminiLiveProtocol.OutputSampleRate));
                chunk++;
                var due = words.Length * chunk / chunkCount;
                if (_setup.OutputTranscription && due > wordsSent)
                {
                    var piece = string.Join(' ', words[wordsSent..due]);
                    await SendAsync(LiveServerMessages.OutputTranscription(wordsSent == 0 ? piece : " " + piece));
                }

                wordsSent = Math.Max(wordsSent, due);
            }
        }
        finally
        {
            // What was said (all of it, or up to the interruption) is what the model remembers saying.
            if (wordsSent > 0)
            {
                lock (_gate)
                {
                    _conversation.Add(new ConversationItem.AssistantMessage(string.Join(' ', words[..wordsSent])));
                }
            }
        }
    }

    private async Task EndInterruptedTurnAsync()
    {
        var cancelled = _pendingCalls.Keys.ToArray();
        foreach (var id in cancelled)
        {
            if (_pendingCalls.TryRemove(id, out var pending))
            {
                pending.TrySetCanceled();
            }
        }

        if (cancelled.Length > 0)
        {
            await SendAsync(new JsonObject
            {
                ["toolCallCancellation"] = new JsonObject { ["ids"] = new JsonArray([.. cancelled.Select(id => JsonValue.Create(id))]) },
            });
        }

        await SendAsync(LiveServerMessages.Interrupted());
        await SendTurnCompleteAsync(); // An interrupted turn was billed for what it read and said until then.
        await SendResumptionUpdateAsync(resumable: true);
    }

    /// <summary>One generation step reads the instructions and the whole conversation.</summary>
    private void ReadContextLocked()
    {
        int text = EmulatedTokens.Text(_setup.Instructions), audio = 0;
        foreach (var item in _conversation)
        {
            if (_heardAudio.TryGetValue(item, out var heard))
            {
                audio += EmulatedTokens.Audio(heard, LiveTurnUsage.AudioTokensPerSecond);
                continue;
            }

            text += item switch
            {
                ConversationItem.UserMessage user => EmulatedTokens.Text(user.Text),
                ConversationItem.AssistantMessage assistant => EmulatedTokens.Text(assistant.Text),
                ConversationItem.FunctionCall call => EmulatedTokens.Text(call.Name) + EmulatedTokens.Text(call.ArgumentsJson),
                ConversationItem.FunctionOutput output => EmulatedTokens.Text(output.OutputJson),
                _ => 0,
            };
        }

        _turnUsage.Read(text, audio);
    }

    private async Task SendTurnCompleteAsync()
    {
        emulator.RecordUsage(_turnUsage.ToUsage());
        await SendAsync(LiveServerMessages.TurnComplete(_turnUsage.ToJson()));
    }

    private async Task SendResumptionUpdateAsync(bool resumable)
    {
        if (!_setup.SessionResumption)
        {
            return;
        }

        string? handle = null;
        if (resumable)
        {
            lock (_gate)
            {
                handle = emulator.Save(_conversationId, _conversation);
            }
        }

        await SendAsync(LiveServerMessages.ResumptionUpdate(handle));
    }
}
