namespace SyncHire.Providers.OpenAI;

/// <summary>
/// An OpenAI Realtime session could not be opened or configured: refused (HTTP 401/503 ...), unreachable, timed out,
/// or its configuration rejected. The message says which, and never carries the API key.
/// </summary>
public sealed class OpenAIRealtimeConnectException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The HTTP status of a refused WebSocket upgrade, when that is what happened.</summary>
    public int? StatusCode { get; init; }
}
