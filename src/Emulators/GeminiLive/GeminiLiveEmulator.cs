using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// The Gemini Live emulator's shared state: conversations saved under their resumption handles (so a new connection
/// carrying a handle continues the same conversation), and a record of every connection's setup for tests.
/// </summary>
public sealed class GeminiLiveEmulator(EmulatorOptions options, GeminiLiveEmulatorSettings settings)
{
    private readonly ConcurrentDictionary<string, ResumptionState> _handles = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<GeminiLiveConnectionRecord> _connections = new();

    public EmulatorOptions Options { get; } = options;

    public GeminiLiveEmulatorSettings Settings { get; } = settings;

    /// <summary>The ephemeral tokens issued for the constrained method.</summary>
    public EphemeralTokens Tokens { get; } = new(TimeProvider.System);

    /// <summary>Every connection that completed setup, oldest first.</summary>
    public IReadOnlyList<GeminiLiveConnectionRecord> Connections => [.. _connections];

    /// <summary>The usage of every model turn, in the order the turns completed, across all connections.</summary>
    public IReadOnlyList<EmulatedUsage> ReportedUsage => [.. _usage];

    private readonly ConcurrentQueue<EmulatedUsage> _usage = new();

    internal void RecordUsage(EmulatedUsage usage) => _usage.Enqueue(usage);

    /// <summary>Connections refused before setup (bad key, refused by a fault).</summary>
    public int RejectedConnections => _rejected;

    private int _rejected;

    /// <summary>The conversation a handle stands for, as it was when the handle was issued.</summary>
    public IReadOnlyList<ConversationItem>? ConversationAt(string handle) =>
        _handles.TryGetValue(handle, out var state) ? state.Conversation : null;

    internal string Save(string conversationId, IEnumerable<ConversationItem> conversation)
    {
        var handle = "h-" + Guid.NewGuid().ToString("N");
        _handles[handle] = new ResumptionState(conversationId, [.. conversation]);
        return handle;
    }

    internal bool TryResume(string handle, out ResumptionState state) => _handles.TryGetValue(handle, out state!);

    internal void Record(GeminiLiveConnectionRecord record)
    {
        _connections.Enqueue(record);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => _connections.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> connections have completed setup (a resumption lands asynchronously).</summary>
    public async Task WaitForConnectionsAsync(int count, CancellationToken cancellationToken)
    {
        var waiter = (Count: count, Reached: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_waiters)
        {
            if (_connections.Count >= count)
            {
                return;
            }

            _waiters.Add(waiter);
        }

        await waiter.Reached.Task.WaitAsync(cancellationToken);
    }

    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    internal void CountRejected() => Interlocked.Increment(ref _rejected);

    internal sealed record ResumptionState(string ConversationId, ImmutableArray<ConversationItem> Conversation);
}

/// <param name="ConversationId">Shared by every connection of one logical conversation (a resumption keeps it).</param>
/// <param name="Setup">The setup message's "setup" object, as the client sent it.</param>
/// <param name="ResumedFrom">The handle this connection resumed, or null for a new conversation.</param>
public sealed record GeminiLiveConnectionRecord(string ConversationId, JsonElement Setup, string? ResumedFrom);
