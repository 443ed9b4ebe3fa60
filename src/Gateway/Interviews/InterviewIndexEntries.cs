using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Platform.Interviews;

namespace SyncHire.Gateway.Interviews;

/// <summary>The index row of an interview, from the grain's snapshot (statuses as the API and protocol name them).</summary>
internal static class InterviewIndexEntries
{
    public static InterviewIndexEntry From(InterviewSnapshot snapshot, string tenantId)
    {
        var definition = snapshot.Definition;
        return new InterviewIndexEntry(
            snapshot.Id,
            tenantId,
            ServerEvents.StatusName(snapshot.Status),
            definition.CandidateName,
            definition.JobTitle ?? string.Empty,
            definition.SkillTopic ?? string.Empty,
            definition.Level.ToString().ToLowerInvariant(),
            definition.Provider ?? string.Empty,
            snapshot.CreatedAt,
            snapshot.StartedAt,
            snapshot.EndedAt,
            snapshot.EndReason);
    }
}
