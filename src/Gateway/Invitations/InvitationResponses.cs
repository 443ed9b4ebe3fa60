namespace SyncHire.Gateway.Invitations;

/// <summary>An invitation as the platform sends it to the candidate: open <see cref="InvitationUrl"/> before <see cref="ExpiresAt"/>.</summary>
public sealed record InvitationResponse(string InvitationUrl, DateTimeOffset ExpiresAt);

/// <summary>
/// What POST /api/join/{token} gives the candidate's web app: a short-lived candidate token for the interview's
/// WebSocket, and enough about the interview to greet the candidate.
/// </summary>
public sealed record JoinResponse(
    string InterviewId,
    string CandidateToken,
    string WebsocketUrl,
    DateTimeOffset TokenExpiresAt,
    JoinInterviewSummary Interview);

/// <param name="Role">The job title, or the topic when the interview has no title.</param>
/// <param name="Status">created, in_progress or completed.</param>
public sealed record JoinInterviewSummary(string CandidateName, string Role, string Status, int MaxDurationMinutes, int QuestionCount);
