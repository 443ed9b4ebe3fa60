using System.Collections.Concurrent;

namespace SyncHire.OrleansStorage.Tests.Grains;

/// <summary>
/// One per silo host (a DI singleton): completes when a grain of that host receives a reminder, so a test waits for
/// the tick of one particular silo, with a timeout, instead of sleeping.
/// </summary>
public sealed class ReminderProbe
{
    private readonly ConcurrentDictionary<(string Grain, string Reminder), TaskCompletionSource> _ticks = new();

    public void Record(string grain, string reminder) => Tick(grain, reminder).TrySetResult();

    public Task WaitAsync(string grain, string reminder, TimeSpan timeout) => Tick(grain, reminder).Task.WaitAsync(timeout);

    private TaskCompletionSource Tick(string grain, string reminder) =>
        _ticks.GetOrAdd((grain, reminder), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
