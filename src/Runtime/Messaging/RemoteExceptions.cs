namespace SyncHire.Runtime.Messaging;

/// <summary>
/// Turns a grain's exception into what the caller sees, the same in one process as across processes: the common
/// argument and state exceptions keep their type (so an API can map them to 400/409), others become
/// <see cref="GrainCallException"/>.
/// </summary>
internal static class RemoteExceptions
{
    public static RemoteError ToRemote(Exception exception) => new(exception.GetType().FullName ?? "Exception", exception.Message);

    public static Exception FromRemote(RemoteError error) => error.Type switch
    {
        "System.ArgumentException" or "System.ArgumentNullException" or "System.ArgumentOutOfRangeException" => new ArgumentException(error.Message),
        "System.InvalidOperationException" => new InvalidOperationException(error.Message),
        "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(error.Message),
        "SyncHire.Runtime.InconsistentStateException" => new InconsistentStateException(error.Message),
        _ => new GrainCallException(error.Type, error.Message),
    };
}
