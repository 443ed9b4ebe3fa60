using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// What one emulated realtime session saw and did, for tests to assert on: every configuration a `session.update`
/// produced, the client events in order, the truncations, and how each response ended. Thread-safe; tests await
/// conditions on it with <see cref="WaitForAsync"/> instead of sleeping.
/// </summary>
public sealed class RecordedRealtimeSession(string model)
{
    private readonly Lock _gate = new();
    private readonly List<RealtimeSessionConfig> _updates = [];
    private readonly List<string> _clientEvents = [];
    private readonly List<RecordedTruncation> _truncations = [];
    private readonly List<RecordedResponse> _responses = [];
    private readonly List<EmulatedUsage> _transcriptionUsage = [];
    private readonly List<ConversationItem> _conversation = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private bool _ended;

    /// <summary>The model named in the connection URL (`?model=`).</summary>
    public string Model { get; } = model;

    /// <summary>The session's configuration after each accepted `session.update`, in order.</summary>
    public IReadOnlyList<RealtimeSessionConfig> Updates => Read(() => _updates.ToList());

    /// <summary>The configuration in force now (server defaults before any update).</summary>
    public RealtimeSessionConfig Current => Read(() => _updates.Count > 0 ? _updates[^1] : new RealtimeSessionConfig { Model = Model });

    /// <summary>The `type` of every client event received, in order.</summary>
    public IReadOnlyList<string> ClientEvents => Read(() => _clientEvents.ToList());

    public IReadOnlyList<RecordedTruncation> Truncations => Read(() => _truncations.ToList());

    public IReadOnlyList<RecordedResponse> Responses => Read(() => _responses.ToList());

    /// <summary>The token usage each input audio transcription reported (token-billed transcription models only).</summary>
    public IReadOnlyList<EmulatedUsage> TranscriptionUsage => Read(() => _transcriptionUsage.ToList());

    /// <summary>The conversation as the emulated model sees it.</summary>
    public IReadOnlyList<ConversationItem> Conversation => Read(() => _conversation.ToList());

    /// <summary>The socket is closed (by either side, or dropped).</summary>
    public bool Ended => Read(() => _ended);

    /// <summary>Completes when <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<RecordedRealtimeSession, bool> condition, TimeSpan timeout)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((() => condition(this), done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The emulated session did not reach the expected state within {timeout}; client events: {string.Join(", ", ClientEvents)}");
        }
    }

    internal void RecordUpdate(RealtimeSessionConfig config) => Change(() => _updates.Add(config));

    internal void RecordClientEvent(string type) => Change(() => _clientEvents.Add(type));

    internal void RecordTruncation(RecordedTruncation truncation) => Change(() => _truncations.Add(truncation));

    internal void RecordResponse(RecordedResponse response) => Change(() => _responses.Add(response));

    internal void RecordTranscriptionUsage(EmulatedUsage usage) => Change(() => _transcriptionUsage.Add(usage));

    internal void RecordConversation(IReadOnlyList<ConversationItem> conversation) => Change(() =>
    {
        _conversation.Clear();
        _conversation.AddRange(conversation);
    });

    internal void RecordEnded() => Change(() => _ended = true);

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Change(Action change)
    {
        List<TaskCompletionSource> satisfied = [];
        lock (_gate)
        {
            change();
            // The lock is re-entrant, so conditions may read the public properties.
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    satisfied.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in satisfied)
        {
            done.TrySetResult();
        }
    }
}

/// <summary>A `conversation.item.truncate` the server accepted.</summary>
public sealed record RecordedTruncation(string ItemId, int ContentIndex, int AudioEndMs);

/// <summary>
/// How a response ended: status `completed` or `cancelled` (reason `client_cancelled` / `turn_detected`), and the
/// usage its `response.done` reported.
/// </summary>
public sealed record RecordedResponse(string Id, string Status, string? Reason, string? Spoken, string? FunctionCalled, EmulatedUsage Usage);
