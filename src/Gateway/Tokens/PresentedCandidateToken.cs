using Microsoft.Net.Http.Headers;

namespace SyncHire.Gateway.Tokens;

/// <summary>
/// The candidate token a REST request presents as <c>Authorization: Bearer &lt;token&gt;</c>. (The socket takes it in
/// the query because browsers cannot set headers on a WebSocket; a fetch can, and a header stays out of URLs.)
/// </summary>
internal static class PresentedCandidateToken
{
    public const string HowToPresent = "Send the candidate token as 'Authorization: Bearer <token>'.";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The token, or null when there is none (or the header is of another scheme: then nothing is presented).</summary>
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization];
        if (authorization.Count != 1)
        {
            return null;
        }

        var value = authorization.ToString();
        return value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? value[BearerPrefix.Length..].Trim() : null;
    }
}
