using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// The X-Agent-Signature header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;</c>.
/// Signing the timestamp with the body lets a receiver reject both forgeries and replays of an old delivery
/// (docs/webhooks.md has the receiver's recipe).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Agent-Signature";
    public const string EventHeaderName = "X-Agent-Event";
    public const string DeliveryHeaderName = "X-Agent-Delivery";

    public static string Create(string secret, DateTimeOffset signedAt, ReadOnlySpan<byte> body)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
