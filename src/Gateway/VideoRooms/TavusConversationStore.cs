using System.Text.Json;
using SyncHire.Runtime;
using SyncHire.Runtime.Storage;

namespace SyncHire.Gateway.VideoRooms;

/// <summary>The Tavus conversation an interview has open, as remembered between creating and ending it.</summary>
public sealed record TavusConversationRecord(string ConversationId, string ConversationUrl, DateTimeOffset CreatedAt);

/// <summary>
/// Remembers each interview's open Tavus conversation in the cluster's shared database (the state table, under
/// "tavus-conversation/{interviewId}"), so whichever gateway a DELETE reaches can end what another one created,
/// and at most one conversation per interview is recorded: the write is compare-and-swap.
/// </summary>
public sealed class TavusConversationStore(IClusterStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(TavusConversationRecord? Record, string? ETag)> FindAsync(string interviewId, CancellationToken cancellationToken)
    {
        var stored = await storage.ReadStateAsync(Key(interviewId), cancellationToken);
        return stored.Json is null ? (null, stored.ETag) : (JsonSerializer.Deserialize<TavusConversationRecord>(stored.Json, Json), stored.ETag);
    }

    /// <summary>Records the conversation unless the interview already has one; false when another request won.</summary>
    public async Task<bool> TryAddAsync(string interviewId, TavusConversationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await storage.WriteStateAsync(Key(interviewId), JsonSerializer.Serialize(record, Json), expectedETag: null, cancellationToken);
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
            await storage.ClearStateAsync(Key(interviewId), eTag, cancellationToken);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static string Key(string interviewId) => new GrainId("tavus-conversation", interviewId).ToString();
}
