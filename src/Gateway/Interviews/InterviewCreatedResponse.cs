namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The answer to POST /api/interviews: what the platform hands the candidate's browser. The browser connects to
/// <see cref="WebsocketUrl"/>?token=<see cref="CandidateToken"/> before <see cref="TokenExpiresAt"/>.
/// </summary>
public sealed record InterviewCreatedResponse(
    string Id,
    string Status,
    string WebsocketUrl,
    string CandidateToken,
    DateTimeOffset TokenExpiresAt);
