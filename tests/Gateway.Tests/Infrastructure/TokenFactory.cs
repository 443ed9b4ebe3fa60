using Microsoft.Extensions.Options;
using SyncHire.Gateway.Tokens;

namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>Token services outside any app: one with a fresh random key stands for "another deployment".</summary>
public static class TokenFactory
{
    public static CandidateTokenService WithRandomKey(TimeSpan? lifetime = null) =>
        new(TokenSigningKey.Resolve(null, inCluster: false),
            Options.Create(new GatewayOptions { CandidateTokenLifetime = lifetime ?? TimeSpan.FromMinutes(10) }),
            TimeProvider.System);
}
