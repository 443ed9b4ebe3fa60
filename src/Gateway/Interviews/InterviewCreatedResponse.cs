namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The answer to POST /api/interviews: what the platform hands the candidate's browser. The browser connects to
/// <see cref="WebsocketUrl"/>?token=<see cref="CandidateToken"/> before <see cref="TokenExpiresAt"/>. A platform that
/// sends the candidate a link instead (the usual case: the interview is taken days later) uses
/// <see cref="InvitationUrl"/>, which the web app turns into a fresh connect token until <see cref="InvitationExpiresAt"/>.
/// </summary>
public sealed record InterviewCreatedResponse(
    string Id,
    string Status,
    string WebsocketUrl,
    string CandidateToken,
    DateTimeOffset TokenExpiresAt,
    string InvitationUrl,
    DateTimeOffset InvitationExpiresAt);
