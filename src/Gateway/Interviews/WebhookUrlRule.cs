using System.Net;
using SyncHire.Grains.Webhooks;

namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The "webhookUrl" of a new interview. The completion webhook carries the transcript, so it only goes over TLS, to a
/// public address: a literal IP that is loopback, private, link-local (cloud metadata), CGNAT, multicast or otherwise
/// not public is refused here, and a host name is checked again after DNS resolution on every delivery
/// (<see cref="PublicAddressConnector"/>), since what a name resolves to can change. Where
/// <see cref="WebhookOptions.AllowPrivateNetworks"/> is on (the single-node developer setup), any address is accepted,
/// and http too for a receiver on this very machine (http://localhost, http://127.0.0.1, http://[::1]). Credentials in
/// the URL are refused: they would be stored and logged with it; the payload is authenticated by its HMAC signature.
/// </summary>
internal static class WebhookUrlRule
{
    public const int MaxLength = 2048;

    public static string? Check(string? value, bool allowPrivateNetworks, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var problem = Problem(text, allowPrivateNetworks);
        if (problem is not null)
        {
            errors["webhookUrl"] = [problem];
        }

        return text;
    }

    private static string? Problem(string text, bool allowPrivateNetworks)
    {
        if (text.Length > MaxLength)
        {
            return $"webhookUrl must be at most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return "webhookUrl must be an absolute https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "webhookUrl must not contain a user name or password; verify the X-Agent-Signature header instead.";
        }

        if (allowPrivateNetworks)
        {
            return uri.Scheme == "http" && !uri.IsLoopback
                ? "webhookUrl must use https (http is accepted only for localhost and 127.0.0.1)."
                : null;
        }

        if (uri.Scheme == "http")
        {
            return "webhookUrl must use https.";
        }

        // Uri has already turned the other spellings of an IPv4 address (2130706433, 0x7f.1, 017700000001) into
        // dotted form, so they are caught here as well.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.DnsSafeHost, out var address)
            && SpecialPurposeAddresses.WhyNotPublic(address) is { } why)
        {
            return $"webhookUrl must point to a public address; {address} is {why}.";
        }

        return null;
    }
}
