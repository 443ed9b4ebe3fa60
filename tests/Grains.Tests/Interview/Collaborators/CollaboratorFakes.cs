using SyncHire.TestSupport;
using System.Text.Json;
using Orleans.Runtime;
using Orleans.Storage;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Tests.Interview.Support;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Collaborators;

// Plain stand-ins for the few small interfaces the interview's collaborators reach the grain through (timers, turns,
// the candidate, storage), so each collaborator runs on its own, without a cluster. Everything else is real.

/// <summary>Grain timers and reminders on a <see cref="ManualTimeProvider"/>: the test moves time and fires what fell due.</summary>
internal sealed class ManualGrainTimers(ManualTimeProvider time) : IGrainTimers
{
    private readonly List<PendingTimer> _timers = [];

    public Dictionary<string, (TimeSpan DueTime, TimeSpan Period)> Reminders { get; } = [];

    /// <summary>Due times of the timers started so far, relative to when each was started, in order.</summary>
    public List<TimeSpan> StartedDueTimes { get; } = [];

    public IReadOnlyList<DateTimeOffset> PendingDueAts => [.. _timers.Where(t => !t.Disposed).Select(t => t.DueAt).Order()];

    public IDisposable StartTimer(Func<Task> callback, TimeSpan dueTime)
    {
        var due = dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime;
        StartedDueTimes.Add(due);
        var timer = new PendingTimer(callback, time.GetUtcNow() + due);
        _timers.Add(timer);
        return timer;
    }

    public Task RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period)
    {
        Reminders[name] = (dueTime, period);
        return Task.CompletedTask;
    }

    public Task UnregisterReminderAsync(string name)
    {
        Reminders.Remove(name);
        return Task.CompletedTask;
    }

    /// <summary>Moves the clock by <paramref name="by"/> and runs every timer that fell due, in due order, one at a time (as turns).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var until = time.GetUtcNow() + by;
        while (_timers.Where(t => !t.Disposed && t.DueAt <= until).OrderBy(t => t.DueAt).FirstOrDefault() is { } next)
        {
            if (next.DueAt > time.GetUtcNow())
            {
                time.Advance(next.DueAt - time.GetUtcNow());
            }

            next.Dispose();
            await next.Callback();
        }

        if (until > time.GetUtcNow())
        {
            time.Advance(until - time.GetUtcNow());
        }
    }

    private sealed class PendingTimer(Func<Task> callback, DateTimeOffset dueAt) : IDisposable
    {
        public Func<Task> Callback { get; } = callback;

        public DateTimeOffset DueAt { get; } = dueAt;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}

/// <summary>Runs each piece of work as a "turn": one at a time, in arrival order, like the activation's inbox.</summary>
internal sealed class SerialTurns : ITurnRunner
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task RunInTurnAsync(Func<Task> work)
    {
        await _turn.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await work();
        }
        finally
        {
            _turn.Release();
        }
    }
}

/// <summary>The candidate's end: the event types the interview sent, in order.</summary>
internal sealed class RecordingCandidate : ICandidateSender
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> EventTypes => [.. _events];

    public IReadOnlyList<JsonElement> Events { get; private set; } = [];

    public void Send(ConnectionFrame frame)
    {
        if (frame.Kind == FrameKind.Text)
        {
            using var json = JsonDocument.Parse(frame.Payload);
            _events.Enqueue(json.RootElement.GetProperty("type").GetString()!);
            Events = [.. Events, json.RootElement.Clone()];
        }
    }
}

/// <summary>An Orleans persistent state held in memory, counting its writes.</summary>
internal sealed class MemoryPersistentState<T> : IPersistentState<T>
    where T : new()
{
    public T State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public int Writes { get; private set; }

    public Task ClearStateAsync()
    {
        State = new T();
        RecordExists = false;
        Etag = null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync()
    {
        Writes++;
        RecordExists = true;
        Etag = Writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public Task ReadStateAsync() => Task.CompletedTask;
}

/// <summary>
/// Grain storage in memory with the ETag rules of Orleans' providers: a write or clear must present the ETag of what
/// is stored (none for a new row), or it fails with <see cref="InconsistentStateException"/>.
/// </summary>
internal sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<(string, GrainId), (object? State, string ETag)> _rows = [];
    private int _version;

    /// <summary>Names of the states written, one entry per write, in order.</summary>
    public List<string> Writes { get; } = [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = row.State is T state ? state : default!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = row.State is not null;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Check(stateName, grainId, grainState.ETag);
        var eTag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _rows[(stateName, grainId)] = (grainState.State, eTag);
        grainState.ETag = eTag;
        grainState.RecordExists = true;
        Writes.Add(stateName);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Check(stateName, grainId, grainState.ETag);
        var eTag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _rows[(stateName, grainId)] = (null, eTag);
        grainState.ETag = eTag;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public bool Holds(string stateName, GrainId grainId) => _rows.TryGetValue((stateName, grainId), out var row) && row.State is not null;

    private void Check(string stateName, GrainId grainId, string? eTag)
    {
        var stored = _rows.TryGetValue((stateName, grainId), out var row) ? row.ETag : null;
        if (stored != eTag)
        {
            throw new InconsistentStateException($"ETag mismatch on {stateName}", stored, eTag);
        }
    }
}

/// <summary>An <see cref="InterviewStore"/> on in-memory storage, with its parts exposed for assertions.</summary>
internal sealed class MemoryInterviewStore
{
    public MemoryInterviewStore(string id = "interview-1", MemoryGrainStorage? storage = null)
    {
        Storage = storage ?? new MemoryGrainStorage();
        GrainId = GrainId.Create("interview", id);
        Store = new InterviewStore(id, Core, Progress, Completion, Cv, new TranscriptLog(Storage, GrainId, chunkSize: 4));
    }

    public MemoryGrainStorage Storage { get; }

    public GrainId GrainId { get; }

    public MemoryPersistentState<InterviewCoreState> Core { get; } = new();

    public MemoryPersistentState<ConversationProgressState> Progress { get; } = new();

    public MemoryPersistentState<CompletionState> Completion { get; } = new();

    public MemoryPersistentState<CvState> Cv { get; } = new();

    public InterviewStore Store { get; }
}
