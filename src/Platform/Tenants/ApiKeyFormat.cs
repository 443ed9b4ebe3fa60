using SyncHire.Platform.Security;

namespace SyncHire.Platform.Tenants;

/// <summary>What an API key looks like: <c>shk_</c> + 32 random URL-safe characters.</summary>
public static class ApiKeyFormat
{
    public const string Prefix = "shk_";

    /// <summary>Longest key a caller may present; anything longer is not looked up (and not hashed).</summary>
    public const int MaxPresentedLength = 256;

    /// <summary>Shortest operator-chosen (bootstrap) key accepted: shorter ones are guessable.</summary>
    public const int MinBootstrapLength = 20;

    public static string NewKey() => Prefix + SecretTokens.NewToken();

    /// <summary>
    /// The part of a key shown in listings so an operator can tell keys apart: a third of it at most, 12
    /// characters for a generated key ("shk_" + 8 random), leaving 144 random bits unseen.
    /// </summary>
    public static string VisiblePrefix(string key) => key[..Math.Min(12, key.Length / 3)];
}
