using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>
/// Stream's two JWTs, both HS256 with the API secret (as the official server SDKs make them): the server token
/// <c>{"server":true}</c> that authenticates server-side requests, and a user token <c>{"user_id",iat,exp}</c> that
/// a client SDK connects with.
/// </summary>
internal static class StreamVideoTokens
{
    public static string Server(string apiSecret) => HmacJwt.Sign(new ServerClaims(true), apiSecret);

    public static string User(string apiSecret, string userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        HmacJwt.Sign(new UserClaims(userId, issuedAt.ToUnixTimeSeconds(), expiresAt.ToUnixTimeSeconds()), apiSecret);

    private sealed record ServerClaims([property: JsonPropertyName("server")] bool Server);

    private sealed record UserClaims(
        [property: JsonPropertyName("user_id")] string UserId,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long Expires);
}
