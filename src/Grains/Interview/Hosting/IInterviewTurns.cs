namespace SyncHire.Grains.Interview;

/// <summary>
/// The interview grain calling itself: work that arrives from outside a grain call (a candidate message, a provider
/// event, a finished evaluation) is queued in its <see cref="TurnInbox"/> and run by this call, so it executes as a
/// turn of the activation, one at a time with every other call and timer tick, exactly like a request.
/// </summary>
[Alias("synchire.IInterviewTurns")]
public interface IInterviewTurns : IGrainWithStringKey
{
    /// <summary>Runs the oldest queued piece of work, if any (a moved or new activation has none).</summary>
    [Alias("RunNextTurn")]
    Task RunNextTurn();
}
