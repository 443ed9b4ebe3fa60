using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>
/// The receiver's verification recipe from docs/webhooks.md, written independently of the server's signing code:
/// parse t and v1, recompute HMAC-SHA256(secret, "t.body") over the raw bytes, compare in constant time, and
/// reject a timestamp more than five minutes from now.
/// </summary>
internal static class ReceiverSignatureCheck
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsValid(string secret, string? header, byte[] body, DateTimeOffset now)
    {
        string? t = null, v1 = null;
        foreach (var part in (header ?? "").Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim() == "t") t = pair[1].Trim();
            if (pair.Length == 2 && pair[0].Trim() == "v1") v1 = pair[1].Trim();
        }

        if (t is null || v1 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false; // A replay of an old delivery (or a badly wrong clock).
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(t + "."), .. body]);
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Signs like a sender would, for forging tests: "t=…,v1=…".</summary>
    public static string Sign(string secret, long unixSeconds, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexString(hmac.ComputeHash([.. Encoding.UTF8.GetBytes(t + "."), .. body])).ToLowerInvariant()}";
    }
}
