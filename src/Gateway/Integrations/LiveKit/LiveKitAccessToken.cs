namespace SyncHire.Gateway.Integrations.LiveKit;

/// <summary>A signed LiveKit access token for one room, with the identity it admits and when it stops admitting.</summary>
public sealed record LiveKitAccessToken(string Token, string RoomName, string Identity, DateTimeOffset ExpiresAt);
