namespace SyncHire.Gateway.VideoRooms;

/// <summary>
/// The avatar the candidate's page shows in the room: join <paramref name="ConversationUrl"/> (a Daily room) with the
/// library at <paramref name="DailyJsUrl"/>, and send the interviewer's audio to <paramref name="ConversationId"/>.
/// </summary>
/// <param name="Provider">"tavus", the only avatar provider so far.</param>
public sealed record CandidateAvatarResponse(string Provider, string ConversationId, string ConversationUrl, string DailyJsUrl);
