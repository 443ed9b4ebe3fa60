namespace SyncHire.Gateway.Tokens;

/// <summary>A signed token that admits one candidate to one interview until <see cref="ExpiresAt"/>.</summary>
public sealed record CandidateToken(string Value, DateTimeOffset ExpiresAt);
