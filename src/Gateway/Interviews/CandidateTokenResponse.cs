namespace SyncHire.Gateway.Interviews;

/// <summary>A fresh candidate token, for POST /api/interviews/{id}/token.</summary>
public sealed record CandidateTokenResponse(string Id, string WebsocketUrl, string CandidateToken, DateTimeOffset TokenExpiresAt);
