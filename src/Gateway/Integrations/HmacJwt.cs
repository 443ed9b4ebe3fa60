using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Integrations;

/// <summary>
/// Signs a JWT with HMAC-SHA256 over the UTF-8 bytes of a shared secret, the way LiveKit and Stream expect. Written
/// by hand rather than with JsonWebTokenHandler because that refuses keys under 256 bits, and real secrets can be
/// shorter (LiveKit's dev server uses "secret"); the claims are typed records, so the payload is exactly what the
/// record says.
/// </summary>
internal static class HmacJwt
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Sign<TClaims>(TClaims claims, string secret)
    {
        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, Json));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
