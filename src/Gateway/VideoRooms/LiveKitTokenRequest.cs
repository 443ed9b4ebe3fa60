namespace SyncHire.Gateway.VideoRooms;

/// <summary>Body of POST /api/interviews/{id}/livekit-token (optional).</summary>
/// <param name="ParticipantName">The name shown in the room; default: the interview's candidate name.</param>
public sealed record LiveKitTokenRequest(string? ParticipantName);
