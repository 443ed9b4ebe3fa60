using Microsoft.Extensions.Options;
using SyncHire.Platform.Hosting;

namespace SyncHire.Gateway.Tokens;

public static class CandidateTokensServiceCollectionExtensions
{
    /// <summary>
    /// The signing key (from "Gateway:TokenSigningKey", checked at start by <see cref="GatewayOptionsValidator"/>) and
    /// <see cref="CandidateTokenService"/>. A single node without a key gets one generated for the process and warns.
    /// </summary>
    public static IServiceCollection AddCandidateTokens(this IServiceCollection services)
    {
        services.AddSingleton(sp => TokenSigningKey.Resolve(
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.TokenSigningKey,
            inCluster: sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres));
        services.AddSingleton<CandidateTokenService>();
        services.AddHostedService<EphemeralSigningKeyWarning>();
        return services;
    }

    /// <summary>Says at start that candidate tokens die with the process when no key is configured.</summary>
    private sealed class EphemeralSigningKeyWarning(TokenSigningKey key, ILogger<EphemeralSigningKeyWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (key.IsEphemeral)
            {
                logger.LogWarning(
                    "Gateway:TokenSigningKey is not set: candidate tokens are signed with a key generated for this process " +
                    "and stop working when it restarts. Set the key to keep them valid across restarts.");
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
