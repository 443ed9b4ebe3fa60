namespace SyncHire.Grains.Interview;

/// <summary>
/// Runs work that arrived from outside a grain call (a candidate frame, a provider event, a finished evaluation) as
/// a turn of the activation. The interview's collaborators take this instead of the grain, so a test can run the
/// work inline.
/// </summary>
internal interface ITurnRunner
{
    Task RunInTurnAsync(Func<Task> work);
}
