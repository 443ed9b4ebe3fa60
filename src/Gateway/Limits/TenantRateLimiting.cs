using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// The <see cref="TenantEndpointConventions.RateLimitPolicy"/>: one token bucket per tenant, so one integrator's
/// burst never slows another's. A refused request answers 429 rate_limited with Retry-After. The buckets live in
/// each gateway process: a tenant spread over N gateways gets up to N times the rate.
/// </summary>
internal static class TenantRateLimiting
{
    /// <summary>Granularity of the refill: fine enough that waiting Retry-After seconds really frees a permit.</summary>
    private static readonly TimeSpan MinReplenishmentPeriod = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<TenantLimitOptions>>((limiter, limits) =>
        {
            var settings = limits.Value.RateLimit;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(TenantEndpointConventions.RateLimitPolicy, context =>
            {
                // Authentication ran first; a tenant endpoint always has its tenant here.
                var tenant = context.FindTenant()?.TenantId ?? string.Empty;
                return settings.PermitsPerMinute == 0
                    ? RateLimitPartition.GetNoLimiter(tenant)
                    : RateLimitPartition.GetTokenBucketLimiter(tenant, _ => BucketFor(settings));
            });
        });
        return services;
    }

    internal static TokenBucketRateLimiterOptions BucketFor(RateLimitSettings settings)
    {
        // Refill one token at a time when the rate allows it, else the tokens of the shortest period we run.
        var perToken = TimeSpan.FromMinutes(1) / settings.PermitsPerMinute;
        var period = perToken >= MinReplenishmentPeriod ? perToken : MinReplenishmentPeriod;
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(settings.PermitsPerMinute * period / TimeSpan.FromMinutes(1)));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst > 0 ? settings.Burst : settings.PermitsPerMinute,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = rejected.HttpContext;
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key's tenant has used its request rate; retry after {seconds} s.",
                Extensions = { [Problems.CodeExtension] = ApiErrorCodes.RateLimited },
            },
        });
    }
}
