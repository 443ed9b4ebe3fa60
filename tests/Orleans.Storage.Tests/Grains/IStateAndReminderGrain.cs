namespace SyncHire.OrleansStorage.Tests.Grains;

/// <summary>A grain with stored state (default storage) and a reminder, to see both survive a silo restart.</summary>
public interface IStateAndReminderGrain : IGrainWithStringKey
{
    Task SetValueAsync(string value);

    Task<string?> GetValueAsync();

    Task ClearValueAsync();

    Task StartReminderAsync(TimeSpan period);

    Task<IReadOnlyList<string>> GetReminderNamesAsync();
}

[GenerateSerializer]
public sealed class StoredValue
{
    [Id(0)]
    public string? Value { get; set; }
}
