namespace SyncHire.Gateway.VideoRooms;

/// <summary>A LiveKit access token for the interview's room and the server URL to connect it to.</summary>
public sealed record LiveKitTokenResponse(string Token, string Url, string RoomName, string Identity, DateTimeOffset ExpiresAt);
