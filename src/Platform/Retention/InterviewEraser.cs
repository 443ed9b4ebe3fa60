using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;
using Orleans;

namespace SyncHire.Platform.Retention;

/// <summary>
/// Erases one interview everywhere it is kept: the grain's state (definition, transcript, answers), then the
/// platform's rows about it (webhook deliveries, whose payloads carry the transcript; usage; invitations; the index
/// entry). Shared by DELETE /api/interviews/{id} and the retention purge so both erase exactly the same things.
/// </summary>
public sealed class InterviewEraser(IGrainFactory grains, IPlatformStore store, TimeProvider time, ILogger<InterviewEraser> logger)
{
    /// <summary>
    /// Idempotent: a retry after a failure part-way finishes the job. The index entry goes last because it is what
    /// finds the interview for that retry (a second DELETE, the next purge).
    /// </summary>
    public async Task EraseAsync(string tenantId, string interviewId, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IInterviewGrain>(interviewId).Erase();
        var deliveries = await store.DeleteDeliveriesAsync(tenantId, interviewId, cancellationToken);
        var usage = await store.DeleteUsageAsync(tenantId, interviewId, cancellationToken);

        // Invitation rows hold only a token hash and the interview id; revoking them makes every link dead.
        await store.RevokeInvitationsAsync(tenantId, interviewId, time.GetUtcNow(), cancellationToken);
        await store.DeleteInterviewAsync(tenantId, interviewId, cancellationToken);
        logger.LogInformation(
            "Interview {InterviewId} of tenant {TenantId} erased ({Deliveries} webhook deliveries, {Usage} usage records)",
            interviewId, tenantId, deliveries, usage);
    }
}
