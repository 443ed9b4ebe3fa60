using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Connections;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Activation;

/// <summary>
/// The single live instance of a grain on this silo. Serialises turns (calls, timer ticks, connection work) with
/// a one-slot semaphore; owns the grain's timers and connections; knows when it has been idle.
/// </summary>
internal sealed class GrainActivation : IGrainActivationContext
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SiloRuntime _silo;
    private readonly List<GrainTimer> _timers = [];
    private readonly List<IGrainConnection> _connections = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _keepAlive;
    private long _lastActivityTimestamp;
    private DeactivationReason? _requestedDeactivation;
    private volatile ActivationStatus _status = ActivationStatus.Activating;

    public GrainActivation(SiloRuntime silo, GrainId grainId, GrainTypeInfo type, string activationId)
    {
        _silo = silo;
        GrainId = grainId;
        Type = type;
        ActivationId = activationId;
        _lastActivityTimestamp = silo.Time.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainTypeInfo Type { get; }

    public string ActivationId { get; }

    public Grain Grain { get; private set; } = null!;

    public ActivationStatus Status => _status;

    /// <summary>Completes when the activation has fully deactivated; callers then re-resolve the grain.</summary>
    public Task Deactivated => _deactivated.Task;

    public IGrainFactory GrainFactory => _silo.GrainFactory;

    public TimeProvider Time => _silo.Time;

    public GrainStateStore StateStore => _silo.StateStore;

    internal ILogger Logger => _silo.Logger;

    public bool IsIdle(TimeSpan collectionAge) =>
        _status == ActivationStatus.Active
        && Volatile.Read(ref _keepAlive) == 0
        && _turn.CurrentCount == 1
        && _silo.Time.GetElapsedTime(Volatile.Read(ref _lastActivityTimestamp)) >= collectionAge;

    /// <summary>Creates the grain and runs OnActivateAsync as the first turn.</summary>
    public async Task ActivateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            Grain = (Grain)Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, Type.Implementation);
            Grain.Attach(this);
            await Grain.OnActivateAsync(cancellationToken);
            _status = ActivationStatus.Active;
        }
        catch
        {
            _status = ActivationStatus.Deactivated;
            _deactivated.TrySetResult();
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs a grain method call: as a turn, or alongside the current turn for interleaving methods.</summary>
    public async Task<object?> InvokeAsync(GrainMethod method, object?[] arguments)
    {
        if (method.Interleave)
        {
            Touch();
            return await method.InvokeAsync(Grain, arguments);
        }

        object? result = null;
        await RunTurnCoreAsync(async () => result = await method.InvokeAsync(Grain, arguments));
        return result;
    }

    public Task RunInTurnAsync(Func<Task> work) => RunTurnCoreAsync(work);

    /// <summary>Hands a new connection to the grain (as a turn) and closes it when the activation goes away.</summary>
    public async Task AcceptConnectionAsync(IGrainConnection connection)
    {
        await RunTurnCoreAsync(async () =>
        {
            lock (_connections)
            {
                _connections.Add(connection);
            }

            _ = connection.Closed.ContinueWith(
                _ => { lock (_connections) { _connections.Remove(connection); } },
                TaskScheduler.Default);
            await Grain.OnConnectedAsync(connection);
        });
    }

    private async Task RunTurnCoreAsync(Func<Task> work)
    {
        if (_status is ActivationStatus.Deactivating or ActivationStatus.Deactivated)
        {
            throw new ActivationGoneException(GrainId);
        }

        await _turn.WaitAsync();
        try
        {
            // Deactivation may have run while this turn waited; the caller re-resolves the grain.
            if (_status == ActivationStatus.Deactivated)
            {
                throw new ActivationGoneException(GrainId);
            }

            Touch();
            await work();
        }
        finally
        {
            Touch();
            _turn.Release();
            if (_requestedDeactivation is { } reason && _status == ActivationStatus.Active)
            {
                _ = _silo.Catalog.DeactivateAsync(this, reason);
            }
        }
    }

    private void Touch() => Volatile.Write(ref _lastActivityTimestamp, _silo.Time.GetTimestamp());

    /// <summary>
    /// Runs OnDeactivateAsync as the last turn, stops timers and closes connections. When
    /// <paramref name="graceful"/> is false (the silo was killed or declared dead) the grain's code is not run.
    /// </summary>
    public async Task DeactivateAsync(DeactivationReason reason, bool graceful)
    {
        if (_status is ActivationStatus.Deactivating or ActivationStatus.Deactivated)
        {
            await _deactivated.Task;
            return;
        }

        _status = ActivationStatus.Deactivating;
        await _turn.WaitAsync();
        try
        {
            DisposeTimers();
            if (graceful)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await Grain.OnDeactivateAsync(reason, timeout.Token);
                }
                catch (Exception e)
                {
                    Logger.LogWarning(e, "OnDeactivateAsync of {GrainId} failed", GrainId);
                }
            }

            IGrainConnection[] open;
            lock (_connections)
            {
                open = [.. _connections];
            }

            var close = reason == DeactivationReason.SiloShutdown
                ? ConnectionClose.SiloGoingAway("silo shutting down; reconnect to resume")
                : ConnectionClose.SiloGoingAway("grain deactivated; reconnect to resume");
            foreach (var connection in open)
            {
                if (graceful)
                {
                    await connection.CloseAsync(close);
                }
                else if (connection is IAbortableConnection abortable)
                {
                    // A killed silo says nothing: the peer sees the transport fail, as after kill -9.
                    abortable.Abort("silo stopped");
                }
            }
        }
        finally
        {
            _status = ActivationStatus.Deactivated;
            _turn.Release();
            _deactivated.TrySetResult();
        }
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    public void RequestDeactivation(DeactivationReason reason = DeactivationReason.Requested) =>
        _requestedDeactivation ??= reason;

    public IDisposable KeepAlive()
    {
        Interlocked.Increment(ref _keepAlive);
        return new KeepAliveHandle(this);
    }

    public Task RegisterOrUpdateReminderAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        _silo.Reminders.RegisterAsync(GrainId, name, dueTime, period);

    public Task UnregisterReminderAsync(string name) => _silo.Reminders.UnregisterAsync(GrainId, name);

    private sealed class KeepAliveHandle(GrainActivation activation) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                activation.Touch();
                Interlocked.Decrement(ref activation._keepAlive);
            }
        }
    }
}

internal enum ActivationStatus
{
    Activating,
    Active,
    Deactivating,
    Deactivated,
}

/// <summary>The activation a call reached is deactivating; the caller resolves the grain again.</summary>
internal sealed class ActivationGoneException(GrainId grainId) : Exception($"The activation of {grainId} is gone.");
