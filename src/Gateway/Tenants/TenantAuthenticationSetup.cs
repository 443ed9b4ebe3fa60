using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Tenants;

/// <summary>Registers the API-key authentication of tenant endpoints: a scheme and the policy <c>.RequireTenant()</c> applies.</summary>
internal static class TenantAuthenticationSetup
{
    /// <summary>The authorization policy of every tenant endpoint: an authenticated tenant, by the API-key scheme.</summary>
    public const string TenantPolicy = "tenant";

    public static IServiceCollection AddTenantAuthentication(this IServiceCollection services)
    {
        // With one scheme registered ASP.NET Core would make it the default and authenticate every request (health
        // probes and candidate sockets included); only endpoints whose policy names it should pay a key lookup.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddOptions<TenantAccessOptions>().BindConfiguration(TenantAccessOptions.SectionName)
            // Blank means none: an empty environment variable turns the anonymous tenant off.
            .PostConfigure(o => o.AnonymousTenant = string.IsNullOrWhiteSpace(o.AnonymousTenant) ? null : o.AnonymousTenant.Trim())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TenantAccessOptions>, TenantAccessOptionsValidator>());
        services.AddSingleton<AnonymousTenantProvisioner>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TenantApiKeyAuthenticationHandler>(TenantApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(TenantPolicy, policy => policy
                .AddAuthenticationSchemes(TenantApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>After CORS (a browser's preflight carries no key) and before the per-tenant rate limiter.</summary>
    public static IApplicationBuilder UseTenantAuthentication(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();
}
