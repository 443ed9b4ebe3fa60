namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The "webhookUrl" of a new interview. The completion webhook carries the transcript, so it only goes over TLS —
/// except to a receiver on this very machine (http://localhost, http://127.0.0.1, http://[::1]), which is how a
/// developer tries it. Credentials in the URL are refused: they would be stored and logged with it; the payload is
/// authenticated by its HMAC signature instead.
/// </summary>
internal static class WebhookUrlRule
{
    public const int MaxLength = 2048;

    public static string? Check(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var problem = Problem(text);
        if (problem is not null)
        {
            errors["webhookUrl"] = [problem];
        }

        return text;
    }

    private static string? Problem(string text)
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

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return "webhookUrl must use https (http is accepted only for localhost and 127.0.0.1).";
        }

        return null;
    }
}
