namespace SyncHire.Gateway.VideoRooms;

/// <summary>
/// The interview's Stream Video call and what the candidate's client needs to join it: the app's (public) API key,
/// the candidate's Stream user id and a user token for it.
/// </summary>
public sealed record StreamCallResponse(
    string CallId,
    string CallType,
    string ApiKey,
    string CandidateUserId,
    string CandidateToken,
    DateTimeOffset ExpiresAt,
    string InterviewerUserId);
