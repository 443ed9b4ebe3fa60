using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace SyncHire.Gateway.VideoRooms;

/// <summary>The Tavus conversation an interview has open, as remembered between creating and ending it.</summary>
[GenerateSerializer, Alias("synchire.TavusConversationRecord")]
public sealed record TavusConversationRecord(string ConversationId, string ConversationUrl, DateTimeOffset CreatedAt);

/// <summary>
/// Remembers each interview's open Tavus conversation in the cluster's grain storage (Orleans' default provider,
/// under the id "tavus-conversation/{interviewId}"), so whichever process a DELETE reaches can end what another one
/// created, and at most one conversation per interview is recorded: every write is compare-and-swap on the ETag.
/// </summary>
public sealed class TavusConversationStore([FromKeyedServices(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)] IGrainStorage storage)
{
    private const string StateName = "conversation";

    public async Task<(TavusConversationRecord? Record, string? ETag)> FindAsync(string interviewId, CancellationToken cancellationToken)
    {
        var state = new GrainState<TavusConversationRecord?>();
        await storage.ReadStateAsync(StateName, Key(interviewId), state);
        return (state.RecordExists ? state.State : null, state.ETag);
    }

    /// <summary>Records the conversation unless the interview already has one; false when another request won.</summary>
    public async Task<bool> TryAddAsync(string interviewId, TavusConversationRecord record, CancellationToken cancellationToken)
    {
        var (existing, eTag) = await FindAsync(interviewId, cancellationToken);
        if (existing is not null)
        {
            return false;
        }

        try
        {
            await storage.WriteStateAsync(StateName, Key(interviewId), new GrainState<TavusConversationRecord?>(record, eTag));
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    /// <summary>Forgets the conversation if it is still the one read with <paramref name="eTag"/>; false otherwise.</summary>
    public async Task<bool> TryRemoveAsync(string interviewId, string? eTag, CancellationToken cancellationToken)
    {
        try
        {
            await storage.ClearStateAsync(StateName, Key(interviewId), new GrainState<TavusConversationRecord?>(null, eTag) { RecordExists = true });
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static GrainId Key(string interviewId) => GrainId.Create("tavus-conversation", interviewId);
}
