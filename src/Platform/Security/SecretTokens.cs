using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SyncHire.Platform.Security;

/// <summary>
/// Random bearer secrets (API keys, invitation tokens) and the one-way hash the database keeps instead of them.
/// A lookup by hash compares digests, never the plaintext, so the time it takes says nothing about the secret.
/// </summary>
public static class SecretTokens
{
    /// <summary>Length of <see cref="NewToken"/>: 24 random bytes are exactly 32 base64url characters (192 bits).</summary>
    public const int TokenLength = 32;

    /// <summary>32 random URL-safe characters (A–Z, a–z, 0–9, '-', '_').</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Lowercase hex SHA-256 of the secret's UTF-8 bytes: what is stored and looked up.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
