using Microsoft.Extensions.Options;
using SyncHire.Gateway.Integrations;
using SyncHire.Gateway.Integrations.Tavus;

namespace SyncHire.Gateway.VideoRooms;

/// <summary>
/// Ends an erased interview's Tavus conversation, if it has one open: a conversation is billed while it runs, and
/// nothing of an erased interview may be left on record. Best effort: when Tavus cannot be reached the record is
/// still forgotten (the interview it belonged to is gone) and Tavus ends the call at its own time limits.
/// </summary>
public sealed class TavusConversationCloser(
    ITavusApi tavus, TavusConversationStore store, IOptions<TavusOptions> options, ILogger<TavusConversationCloser> logger)
{
    public async Task CloseForErasedInterviewAsync(string interviewId, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }

        var (record, eTag) = await store.FindAsync(interviewId, cancellationToken);
        if (record is null)
        {
            return;
        }

        try
        {
            await tavus.EndConversationAsync(record.ConversationId, cancellationToken);
        }
        catch (IntegrationException failure)
        {
            logger.LogWarning("Ending the Tavus conversation of erased interview {InterviewId} failed; Tavus ends it at its limits: {Failure}",
                interviewId, failure.Message);
        }

        await store.TryRemoveAsync(interviewId, eTag, cancellationToken);
    }
}
