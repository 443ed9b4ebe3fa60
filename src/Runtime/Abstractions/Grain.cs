using SyncHire.Runtime.Connections;

namespace SyncHire.Runtime;

/// <summary>
/// Base class of grain implementations. One activation exists per grain across the cluster; calls, timer ticks,
/// reminder ticks and connection messages each run as a turn, one at a time, so grain code needs no locks.
/// </summary>
public abstract class Grain
{
    private IGrainActivationContext? _context;

    internal IGrainActivationContext Context =>
        _context ?? throw new InvalidOperationException("The grain is not activated yet.");

    internal void Attach(IGrainActivationContext context) => _context = context;

    public GrainId GrainId => Context.GrainId;

    public string GetPrimaryKeyString() => Context.GrainId.Key;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>Time as the runtime sees it; tests substitute a manual clock.</summary>
    protected TimeProvider Time => Context.Time;

    /// <summary>Runs once, inside the first turn, before any call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once, inside a turn, before the activation is dropped. Timers are already stopped.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called (inside a turn) when a caller opens a connection to this grain. The grain reads it, usually through
    /// <see cref="RunInTurnAsync"/> per frame. The default refuses connections.
    /// </summary>
    public virtual Task OnConnectedAsync(IGrainConnection connection) =>
        throw new NotSupportedException($"{GetType().Name} does not accept connections.");

    /// <summary>
    /// A timer owned by the activation: its ticks run as turns and it stops when the activation deactivates.
    /// Pass <see cref="Timeout.InfiniteTimeSpan"/> as <paramref name="period"/> for a one-shot timer.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    /// <summary>Runs <paramref name="work"/> as a turn of this activation, for events that arrive from outside a call.</summary>
    protected Task RunInTurnAsync(Func<Task> work) => Context.RunInTurnAsync(work);

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Context.RequestDeactivation();

    /// <summary>Keeps the activation from being collected as idle while the returned handle is held.</summary>
    protected IDisposable KeepAlive() => Context.KeepAlive();

    /// <summary>Registers (or moves) a durable reminder. <paramref name="period"/> Zero means it fires once.</summary>
    protected Task RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterOrUpdateReminderAsync(reminderName, dueTime, period);

    protected Task UnregisterReminder(string reminderName) => Context.UnregisterReminderAsync(reminderName);
}

/// <summary>A grain with persistent state, written with ETag concurrency.</summary>
public abstract class Grain<TState> : Grain where TState : class, new()
{
    private string? _etag;

    /// <summary>The state as last read or written. Plain records: replace it with <c>State = State with { … }</c>.</summary>
    protected TState State { get; set; } = new();

    /// <summary>True once the state has been written at least once (by any activation).</summary>
    protected bool RecordExists => _etag is not null;

    protected async Task ReadStateAsync()
    {
        var stored = await Context.StateStore.ReadAsync<TState>(GrainId, CancellationToken.None);
        State = stored.State ?? new TState();
        _etag = stored.ETag;
    }

    /// <summary>
    /// Writes the state. Throws <see cref="InconsistentStateException"/> at once if another activation wrote since.
    /// A transient database failure (the server restarting, a pooled connection it cut) is retried with backoff for
    /// a few seconds inside the turn, so a database restart delays the grain instead of failing the work in hand.
    /// </summary>
    protected async Task WriteStateAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _etag = await Context.StateStore.WriteAsync(GrainId, State, _etag, CancellationToken.None);
                return;
            }
            catch (InconsistentStateException)
            {
                // A newer activation owns this grain: stop serving from this stale copy.
                Context.RequestDeactivation(DeactivationReason.Stale);
                throw;
            }
            catch (Exception exception) when (attempt < TransientWriteAttempts && IsTransient(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * attempt, 1000)), Time);
            }
        }
    }

    /// <summary>About ten seconds of retries in all: longer than a database restart, shorter than a call timeout.</summary>
    private const int TransientWriteAttempts = 15;

    private static bool IsTransient(Exception exception) =>
        exception is System.Data.Common.DbException or TimeoutException or IOException or System.Net.Sockets.SocketException
        || exception.InnerException is { } inner && IsTransient(inner);

    protected async Task ClearStateAsync()
    {
        await Context.StateStore.ClearAsync(GrainId, _etag, CancellationToken.None);
        _etag = null;
        State = new TState();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReadStateAsync();
        await base.OnActivateAsync(cancellationToken);
    }
}
