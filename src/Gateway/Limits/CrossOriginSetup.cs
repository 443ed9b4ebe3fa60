using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// Which browser origins may call the API, from "Gateway:CorsOrigins" (an array of origins such as
/// "https://app.example.com"). Empty: no CORS headers at all, so browsers on other origins are refused.
/// </summary>
internal static class CrossOriginSetup
{
    public const string ConfigurationKey = "Gateway:CorsOrigins";

    public static string[] ReadOrigins(IConfiguration configuration)
    {
        var origins = configuration.GetSection(ConfigurationKey).Get<string[]>() ?? [];
        var cleaned = origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();
        foreach (var origin in cleaned)
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/"))
            {
                throw new InvalidOperationException($"{ConfigurationKey} entries must be origins like https://app.example.com (or *); got '{origin}'.");
            }
        }

        return cleaned;
    }

    public static IServiceCollection AddGatewayCors(this IServiceCollection services, string[] origins)
    {
        if (origins.Length == 0)
        {
            return services;
        }

        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
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
        }));
        return services;
    }

    /// <summary>Before authentication: a preflight carries no key and is answered here.</summary>
    public static IApplicationBuilder UseGatewayCors(this IApplicationBuilder app, string[] origins) =>
        origins.Length == 0 ? app : app.UseCors();
}
