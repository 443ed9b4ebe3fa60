using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Limits;

/// <summary>Registers the per-tenant rate limit, the concurrent-interview quota and the self-serve address limit.</summary>
internal static class TenantLimitsSetup
{
    public static IServiceCollection AddTenantLimits(this IServiceCollection services)
    {
        services.AddOptions<TenantLimitOptions>().BindConfiguration(TenantLimitOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TenantLimitOptions>, TenantLimitOptionsValidator>());
        services.AddSingleton<InterviewQuota>();
        services.AddTenantRateLimiting();
        services.AddSelfServeAddressLimit();
        return services;
    }
}
