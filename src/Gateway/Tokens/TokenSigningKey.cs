using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SyncHire.Gateway.Tokens;

/// <summary>
/// The HMAC key candidate tokens are signed with. <see cref="IsEphemeral"/> marks a key generated for this process
/// only, so tokens it signed die with the process.
/// </summary>
public sealed record TokenSigningKey(SymmetricSecurityKey Key, bool IsEphemeral)
{
    /// <summary>HMAC-SHA256 wants a key at least as long as its output.</summary>
    public const int MinimumBytes = 32;

    private const string Setting = $"{GatewayOptions.SectionName}:{nameof(GatewayOptions.TokenSigningKey)}";

    /// <summary>
    /// Reads the configured key. Without one, a single node (SQLite) generates a key, while a process of a cluster
    /// refuses to start: a token issued by one gateway must be accepted by every other, so they must share the key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key is missing in a cluster, or is not usable.</exception>
    public static TokenSigningKey Resolve(string? configuredBase64, bool inCluster)
    {
        if (string.IsNullOrWhiteSpace(configuredBase64))
        {
            if (inCluster)
            {
                throw new InvalidOperationException(
                    $"{Setting} is required in a cluster (Cluster:Storage postgres): every gateway of a cluster must validate the " +
                    "tokens the others issue, so all of them must share one key. Set it to at least 32 random bytes in " +
                    "base64 (for example the output of `openssl rand -base64 32`), from a secret, not from appsettings.json.");
            }

            return new TokenSigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(MinimumBytes)), IsEphemeral: true);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(configuredBase64.Trim());
        }
        catch (FormatException)
        {
            // The message names the setting but never echoes its value: it is a secret.
            throw new InvalidOperationException($"{Setting} is not valid base64.");
        }

        if (bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException(
                $"{Setting} decodes to {bytes.Length} bytes; HMAC-SHA256 needs at least {MinimumBytes}.");
        }

        return new TokenSigningKey(new SymmetricSecurityKey(bytes), IsEphemeral: false);
    }
}
