using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// Which browser origins may call the API, from "Gateway:CorsOrigins" (an array of origins such as
/// "https://app.example.com", checked by <see cref="GatewayOptionsValidator"/>). Empty: no policy, so the CORS
/// middleware passes every request through without CORS headers and browsers on other origins are refused.
/// </summary>
internal static class CrossOriginSetup
{
    public static IServiceCollection AddGatewayCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayOptions>>((cors, gateway) =>
        {
            var origins = gateway.Value.AllowedOrigins();
            if (origins.Length == 0)
            {
                return;
            }

            cors.AddDefaultPolicy(policy =>
            {
                if (origins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins(origins);
                }

                // Keys travel in headers, never cookies, so credentials stay off.
                policy.WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
                    .WithHeaders(HeaderNames.Authorization, PresentedApiKey.ApiKeyHeader, HeaderNames.ContentType)
                    .WithExposedHeaders(HeaderNames.RetryAfter, HeaderNames.Location)
                    .SetPreflightMaxAge(TimeSpan.FromHours(1));
            });
        });
        return services;
    }

    /// <summary>Before authentication: a preflight carries no key and is answered here.</summary>
    public static IApplicationBuilder UseGatewayCors(this IApplicationBuilder app) => app.UseCors();
}
