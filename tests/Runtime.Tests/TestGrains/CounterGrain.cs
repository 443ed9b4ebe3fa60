using System.Collections.Concurrent;
using SyncHire.Runtime.Connections;

namespace SyncHire.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey, IRemindable
{
    Task<int> Increment();

    Task<int> Get();

    /// <summary>Which activation and silo answered: proves single activation.</summary>
    [AlwaysInterleave]
    Task<ActivationInfo> WhoAmI();

    /// <summary>Holds the turn until the test releases the gate named by the key.</summary>
    Task HoldTurnUntilReleased();

    /// <summary>Runs a turn that records how many turns were in flight at once.</summary>
    Task<int> MeasureOverlap();

    Task StartTimer(int periodMs);

    Task<int> TimerTicks();

    Task ScheduleReminder(string name, int dueMs, int periodMs);

    Task<IReadOnlyList<string>> RemindersReceived();

    Task Fail(string message);

    /// <summary>Null when nothing was stored: a null result must cross processes as null.</summary>
    Task<CounterState?> StoredOrNull();
}

public sealed record ActivationInfo(string ActivationId, string SiloId);

public sealed record CounterState
{
    public int Value { get; init; }
    public IReadOnlyList<string> Reminders { get; init; } = [];
}

/// <summary>Signals from grains to the test that drives them; keyed by grain key so tests stay independent.</summary>
public static class GrainSignals
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    public static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> ReminderFired = new();
    public static readonly ConcurrentDictionary<string, TaskCompletionSource<DeactivationReason>> Deactivated = new();

    public static TaskCompletionSource Gate(string key) => Gates.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public static TaskCompletionSource<string> Reminder(string key) => ReminderFired.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public static TaskCompletionSource<DeactivationReason> Deactivation(string key) => Deactivated.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}

internal sealed class CounterGrain(SyncHire.Runtime.Hosting.SiloRuntime silo) : Grain<CounterState>, ICounterGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");
    private int _inFlight;
    private int _maxInFlight;
    private int _ticks;

    public async Task<int> Increment()
    {
        State = State with { Value = State.Value + 1 };
        await WriteStateAsync();
        return State.Value;
    }

    public Task<int> Get() => Task.FromResult(State.Value);

    public Task<ActivationInfo> WhoAmI() => Task.FromResult(new ActivationInfo(_activationId, silo.SiloId));

    public Task HoldTurnUntilReleased() => GrainSignals.Gate(GetPrimaryKeyString()).Task;

    public async Task<int> MeasureOverlap()
    {
        var now = Interlocked.Increment(ref _inFlight);
        _maxInFlight = Math.Max(_maxInFlight, now);
        await Task.Yield();
        await Task.Delay(1);
        Interlocked.Decrement(ref _inFlight);
        return _maxInFlight;
    }

    public Task StartTimer(int periodMs)
    {
        RegisterGrainTimer(_ =>
        {
            // A tick is a turn: it never overlaps a call.
            var now = Interlocked.Increment(ref _inFlight);
            _maxInFlight = Math.Max(_maxInFlight, now);
            _ticks++;
            Interlocked.Decrement(ref _inFlight);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(periodMs), TimeSpan.FromMilliseconds(periodMs));
        return Task.CompletedTask;
    }

    public Task<int> TimerTicks() => Task.FromResult(_ticks);

    public Task ScheduleReminder(string name, int dueMs, int periodMs) =>
        RegisterOrUpdateReminder(name, TimeSpan.FromMilliseconds(dueMs), TimeSpan.FromMilliseconds(periodMs));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        State = State with { Reminders = [.. State.Reminders, $"{reminderName}@{silo.SiloId}"] };
        await WriteStateAsync();
        GrainSignals.Reminder(GetPrimaryKeyString()).TrySetResult(silo.SiloId);
    }

    public Task<IReadOnlyList<string>> RemindersReceived() => Task.FromResult(State.Reminders);

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public Task<CounterState?> StoredOrNull() => Task.FromResult(RecordExists ? State : null);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GrainSignals.Deactivation(GetPrimaryKeyString()).TrySetResult(reason);
        return Task.CompletedTask;
    }
}

public interface IEchoGrain : IConnectableGrain
{
    Task<int> ConnectionsSeen();
}

/// <summary>Echoes every frame back; "close:CODE" closes the connection with that code.</summary>
internal sealed class EchoGrain : Grain, IEchoGrain
{
    private int _connections;

    public Task<int> ConnectionsSeen() => Task.FromResult(_connections);

    public override Task OnConnectedAsync(IGrainConnection connection)
    {
        _connections++;
        var keepAlive = KeepAlive();
        _ = Task.Run(async () =>
        {
            using (keepAlive)
            {
                await foreach (var frame in connection.ReadAllAsync())
                {
                    var text = frame.Kind == FrameKind.Text ? System.Text.Encoding.UTF8.GetString(frame.Payload.Span) : "";
                    if (text.StartsWith("close:", StringComparison.Ordinal))
                    {
                        await connection.CloseAsync(new ConnectionClose(int.Parse(text[6..]), "closed by grain"));
                        return;
                    }

                    connection.TrySend(frame);
                }
            }
        });
        return Task.CompletedTask;
    }
}
