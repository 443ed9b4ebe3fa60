using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// The connection's conversation and the model turn it waits on. One turn runs at a time; input that arrives while
/// it runs waits in a queue, so the running turn decides on the conversation it started with, and joins the
/// conversation when the next turn starts. The receive loop (history, utterances, interruptions) and the turn's
/// task (what the model says and calls) both change it, so every read and write holds its lock.
/// </summary>
internal sealed class LiveConversation(IEnumerable<ConversationItem> history)
{
    private readonly Lock _gate = new();
    private readonly List<ConversationItem> _items = [.. history];
    private readonly List<ConversationItem> _queued = [];

    /// <summary>The candidate's utterances (by reference) and their audio: the model reads them as audio, not text.</summary>
    private readonly Dictionary<ConversationItem, TimeSpan> _heardAudio = new(ReferenceEqualityComparer.Instance);

    private int _turnRequests;
    private bool _turnRunning;
    private CancellationTokenSource? _turnCancellation;

    /// <summary>Adds history (clientContent without turnComplete) now, or after the running turn.</summary>
    public void Append(ConversationItem item)
    {
        lock (_gate)
        {
            (_turnRunning ? _queued : _items).Add(item);
        }
    }

    /// <summary>Adds what the running turn said or called, or a function's output, as it happens.</summary>
    public void Add(ConversationItem item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    /// <summary>Marks an utterance as heard: the model reads its audio.</summary>
    public void Heard(ConversationItem utterance, TimeSpan spoken)
    {
        lock (_gate)
        {
            _heardAudio[utterance] = spoken;
        }
    }

    /// <summary>Asks for a model turn after <paramref name="input"/> (if any); true when no turn runs and the caller must start one.</summary>
    public bool RequestTurn(ConversationItem? input)
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
                return false;
            }

            _turnRunning = true;
            return true;
        }
    }

    /// <summary>
    /// Starts the next turn, taking in the queued input; returns the turn's cancellation, or null when no turn was
    /// asked for since the last began (or the connection is over), and no turn is running any more.
    /// </summary>
    public CancellationTokenSource? BeginTurn(CancellationToken lifetime)
    {
        lock (_gate)
        {
            if (_turnRequests == 0 || lifetime.IsCancellationRequested)
            {
                _turnRunning = false;
                return null;
            }

            _turnRequests = 0;
            _items.AddRange(_queued);
            _queued.Clear();
            _turnCancellation = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            return _turnCancellation;
        }
    }

    /// <summary>The turn has ended: nothing is left to interrupt.</summary>
    public void EndTurn()
    {
        lock (_gate)
        {
            _turnCancellation = null;
        }
    }

    /// <summary>The connection is gone: no turn runs, and none will.</summary>
    public void StopTurns()
    {
        lock (_gate)
        {
            _turnRunning = false;
        }
    }

    /// <summary>Cancels the running turn, if any.</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            _turnCancellation?.Cancel();
        }
    }

    /// <summary>One generation step: the model's next move, and the instructions and whole conversation it read, billed to <paramref name="usage"/>.</summary>
    public ModelTurn NextTurn(LiveSetup setup, LiveTurnUsage usage)
    {
        lock (_gate)
        {
            var next = InterviewerModel.NextTurn(setup.Instructions, _items, setup.ToolNames);
            int text = EmulatedTokens.Text(setup.Instructions), audio = 0;
            foreach (var item in _items)
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

            usage.Read(text, audio);
            return next;
        }
    }

    /// <summary>The conversation as it stands (without the queued input), for a resumption handle.</summary>
    public ConversationItem[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }
}
