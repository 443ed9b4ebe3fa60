using Microsoft.Net.Http.Headers;

namespace SyncHire.Gateway.Tenants;

/// <summary>The API key a request presents: <c>Authorization: Bearer &lt;key&gt;</c>, or <c>X-Api-Key: &lt;key&gt;</c>.</summary>
internal static class PresentedApiKey
{
    public const string ApiKeyHeader = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// The key, or null when the request carries none. An Authorization header of another scheme, or with an empty
    /// credential, counts as a key that cannot be valid (<paramref name="malformed"/>): the caller meant to
    /// authenticate and must hear that it failed rather than silently act as the anonymous tenant.
    /// </summary>
    public static string? Read(HttpRequest request, out bool malformed)
    {
        malformed = false;
        var authorization = request.Headers[HeaderNames.Authorization];
        if (authorization.Count > 0)
        {
            var value = authorization.ToString();
            if (authorization.Count > 1 || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || value.Length == BearerPrefix.Length)
            {
                malformed = true;
                return null;
            }

            return value[BearerPrefix.Length..].Trim();
        }

        var header = request.Headers[ApiKeyHeader];
        if (header.Count == 0)
        {
            return null;
        }

        var key = header.ToString().Trim();
        if (header.Count > 1 || key.Length == 0)
        {
            malformed = true;
            return null;
        }

        return key;
    }
}
