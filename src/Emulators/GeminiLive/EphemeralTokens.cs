using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// Ephemeral tokens (<c>auth_tokens/…</c>) issued by <c>POST /v1alpha/auth_tokens</c>, spent by connections to
/// <see cref="GeminiLiveRoute.ConstrainedMethod"/>. As the real service: a token starts at most <c>uses</c> sessions
/// (default 1), no new session after <c>newSessionExpireTime</c> (default one minute) and none after
/// <c>expireTime</c> (default 30 minutes).
/// </summary>
public sealed class EphemeralTokens(TimeProvider time)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultNewSessionWindow = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Token> _tokens = new(StringComparer.Ordinal);

    public string Issue(int uses, DateTimeOffset? expireTime, DateTimeOffset? newSessionExpireTime)
    {
        var now = time.GetUtcNow();
        var name = "auth_tokens/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[name] = new Token(uses, expireTime ?? now + DefaultLifetime, newSessionExpireTime ?? now + DefaultNewSessionWindow);
        return name;
    }

    /// <summary>Spends one use of <paramref name="name"/>; false when it was never issued, is spent or has expired.</summary>
    public bool TrySpend(string? name)
    {
        if (name is null || !_tokens.TryGetValue(name, out var token))
        {
            return false;
        }

        var now = time.GetUtcNow();
        lock (token)
        {
            if (token.UsesLeft <= 0 || now >= token.ExpireTime || now >= token.NewSessionExpireTime)
            {
                return false;
            }

            token.UsesLeft--;
            return true;
        }
    }

    private sealed class Token(int uses, DateTimeOffset expireTime, DateTimeOffset newSessionExpireTime)
    {
        public int UsesLeft { get; set; } = uses;

        public DateTimeOffset ExpireTime { get; } = expireTime;

        public DateTimeOffset NewSessionExpireTime { get; } = newSessionExpireTime;
    }
}
