namespace SyncHire.Gateway.Limits;

/// <summary>Registers the per-tenant rate limit and the concurrent-interview quota.</summary>
internal static class TenantLimitsSetup
{
    public static IServiceCollection AddTenantLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TenantLimitOptions.Bind(configuration);
        services.AddSingleton(options);
        services.AddSingleton<InterviewQuota>();
        services.AddTenantRateLimiting(options.RateLimit);
        return services;
    }
}
