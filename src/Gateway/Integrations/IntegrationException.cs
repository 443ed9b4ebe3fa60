namespace SyncHire.Gateway.Integrations;

/// <summary>
/// An external service (LiveKit, Stream, Tavus) failed or answered something unusable. The message names the
/// service and the HTTP status only: upstream bodies can echo request data and are never carried further.
/// </summary>
public sealed class IntegrationException : Exception
{
    public IntegrationException(string service, string message, Exception? innerException = null)
        : base($"{service}: {message}", innerException)
    {
        Service = service;
    }

    /// <summary>The service's name as people know it ("Stream Video", "Tavus").</summary>
    public string Service { get; }

    /// <summary>The upstream status when the service answered; null when it could not be reached or timed out.</summary>
    public int? UpstreamStatus { get; init; }
}
