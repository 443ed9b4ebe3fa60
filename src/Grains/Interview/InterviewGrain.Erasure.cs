using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

/// <summary>Erasure: the platform's DELETE and the retention purge remove an interview and its transcript for good.</summary>
public sealed partial class InterviewGrain
{
    public async Task Erase()
    {
        if (!State.Exists)
        {
            return;
        }

        // A live interview ends first, so the candidate is told and the provider session, timers and reminder are
        // let go as when the platform ends it; but without its completion: a queued interview.completed webhook
        // (which carries the transcript) could be delivered before the eraser deletes the outbox rows.
        await EndAsync(EndReasons.Ended, complete: false);

        // Nothing of the interview may be produced after this: no report, no webhook. EndAsync drops the cap and
        // liveness reminders only for a started interview; deleting one that is not there is harmless and guarantees no
        // reminder reactivates an erased interview.
        StopEvaluation();
        await UnregisterLiveReminders();
        await UnregisterReminder(CompletionReminder);
        await ClearStateAsync();
        InterviewLog.Erased(_logger, Id);

        // Nothing of the interview is left in memory either once this activation goes.
        DeactivateOnIdle();
    }
}
