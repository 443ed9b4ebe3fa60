using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime;

/// <summary>What an activation offers its grain. Implemented by the runtime's activation.</summary>
internal interface IGrainActivationContext
{
    GrainId GrainId { get; }
    IGrainFactory GrainFactory { get; }
    TimeProvider Time { get; }
    GrainStateStore StateStore { get; }
    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);
    Task RunInTurnAsync(Func<Task> work);
    void RequestDeactivation(DeactivationReason reason = DeactivationReason.Requested);
    IDisposable KeepAlive();
    Task RegisterOrUpdateReminderAsync(string name, TimeSpan dueTime, TimeSpan period);
    Task UnregisterReminderAsync(string name);
}
