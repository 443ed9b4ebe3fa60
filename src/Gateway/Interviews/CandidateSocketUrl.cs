namespace SyncHire.Gateway.Interviews;

/// <summary>Builds the candidate WebSocket URL from the request the platform made, so it works behind any host name.</summary>
public static class CandidateSocketUrl
{
    public static string For(HttpRequest request, string interviewId)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}/ws/interviews/{Uri.EscapeDataString(interviewId)}";
    }
}
