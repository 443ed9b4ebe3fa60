using Orleans.Runtime;

namespace SyncHire.OrleansStorage.Tests.Grains;

public sealed class StateAndReminderGrain(
    [PersistentState("state")] IPersistentState<StoredValue> state,
    ReminderProbe probe) : Grain, IStateAndReminderGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task SetValueAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string?> GetValueAsync() => Task.FromResult(state.State.Value);

    public Task ClearValueAsync() => state.ClearStateAsync();

    public Task StartReminderAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task<IReadOnlyList<string>> GetReminderNamesAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).ToArray();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
