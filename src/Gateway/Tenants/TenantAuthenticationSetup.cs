namespace SyncHire.Gateway.Tenants;

/// <summary>Registers and places the API-key authentication of tenant endpoints.</summary>
internal static class TenantAuthenticationSetup
{
    public static IServiceCollection AddTenantAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TenantAccessOptions.Bind(configuration));
        services.AddSingleton<AnonymousTenantProvisioner>();
        return services;
    }

    /// <summary>After CORS (a browser's preflight carries no key) and before the per-tenant rate limiter.</summary>
    public static IApplicationBuilder UseTenantAuthentication(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantAuthenticationMiddleware>();
}
