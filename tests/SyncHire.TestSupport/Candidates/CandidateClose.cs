using System.Net.WebSockets;

namespace SyncHire.TestSupport.Candidates;

/// <summary>How the server closed the candidate's connection: the WebSocket close code (1000, 1012, 4404…) and its reason.</summary>
public sealed record CandidateClose(int Code, string? Reason)
{
    /// <summary>1012: the gateway is going away; reconnect and the interview resumes.</summary>
    public const int ServiceRestart = 1012;

    public static CandidateClose From(WebSocketCloseStatus? status, string? reason) =>
        new(status is { } code ? (int)code : (int)WebSocketCloseStatus.Empty, reason);
}
