using System.Text.RegularExpressions;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// The request paths the real Live API answers with its WebSocket, as the official clients build them:
/// <c>/ws/google.ai.generativelanguage.{v1|v1beta|v1alpha}.GenerativeService.{BidiGenerateContent|BidiGenerateContentConstrained}</c>.
/// The Google Gen AI JavaScript client joins its base URL (which always ends in a slash) and the path with another
/// slash, so the service sees <c>//ws/…</c>; runs of slashes are read as one, as Google's front end does.
/// </summary>
public static partial class GeminiLiveRoute
{
    /// <summary>The method ephemeral tokens connect to, authenticated by <c>access_token</c> instead of <c>key</c>.</summary>
    public const string ConstrainedMethod = "BidiGenerateContentConstrained";

    /// <summary>Matches <paramref name="path"/>; <paramref name="constrained"/> tells whether it names the ephemeral-token method.</summary>
    public static bool TryMatch(PathString path, out bool constrained)
    {
        var match = LivePath().Match(CollapseSlashes(path.Value ?? ""));
        constrained = match.Success && match.Groups["method"].Value == ConstrainedMethod;
        return match.Success;
    }

    /// <summary><c>//v1alpha/auth_tokens</c> → <c>/v1alpha/auth_tokens</c>: the clients' joins leave doubled slashes.</summary>
    public static string CollapseSlashes(string path) => Slashes().Replace(path, "/");

    [GeneratedRegex(@"^/ws/google\.ai\.generativelanguage\.(v1|v1beta|v1alpha)\.GenerativeService\.(?<method>BidiGenerateContent|BidiGenerateContentConstrained)$", RegexOptions.CultureInvariant)]
    private static partial Regex LivePath();

    [GeneratedRegex("/{2,}")]
    private static partial Regex Slashes();
}
