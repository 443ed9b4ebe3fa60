namespace SyncHire.Runtime;

/// <summary>A grain call failed inside the grain; carries the remote exception's type name and message.</summary>
public sealed class GrainCallException(string exceptionType, string message) : Exception(message)
{
    public string ExceptionType { get; } = exceptionType;
}

/// <summary>No live silo could be reached for the grain within the call timeout.</summary>
public sealed class SiloUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
