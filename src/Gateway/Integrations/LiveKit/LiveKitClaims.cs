using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Integrations.LiveKit;

/// <summary>
/// The payload of a LiveKit access token (docs.livekit.io, "Tokens &amp; grants"): issuer is the API key, subject
/// the participant identity, and the <c>video</c> grant names the room and what the participant may do in it.
/// </summary>
internal sealed record LiveKitClaims(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("sub")] string Identity,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("nbf")] long NotBefore,
    [property: JsonPropertyName("exp")] long Expires,
    [property: JsonPropertyName("video")] LiveKitVideoGrant Video);

internal sealed record LiveKitVideoGrant(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("roomJoin")] bool RoomJoin,
    [property: JsonPropertyName("canPublish")] bool CanPublish,
    [property: JsonPropertyName("canSubscribe")] bool CanSubscribe,
    [property: JsonPropertyName("canPublishData")] bool CanPublishData);
