using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace SyncHire.Testing;

/// <summary>
/// Reads what a silo's database holds for a grain (its state, its reminders) through the silo's own storage
/// providers, as a fresh activation or the reminder service would see it: assertions about what was persisted.
/// </summary>
public static class StoredGrainData
{
    public static async Task<T?> ReadStateAsync<T>(IServiceProvider silo, GrainId grainId, string stateName)
    {
        var storage = silo.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var state = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grainId, state);
        return state.RecordExists ? state.State : default;
    }

    public static async Task<IReadOnlyList<string>> ReadReminderNamesAsync(IServiceProvider silo, GrainId grainId)
    {
        var rows = await silo.GetRequiredService<IReminderTable>().ReadRows(grainId);
        return [.. rows.Reminders.Select(r => r.ReminderName)];
    }

    /// <summary>The id of the interview grain <paramref name="interviewId"/>, as storage and reminders key it.</summary>
    public static GrainId InterviewGrainId(IServiceProvider silo, string interviewId) =>
        silo.GetRequiredService<IGrainFactory>().GetGrain<SyncHire.Grains.Interfaces.IInterviewGrain>(interviewId).GetGrainId();
}
