using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Tenants;
using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// The self-serve practice flow (requests without an API key, acting as Platform:AnonymousTenant) shares one
/// tenant, so the tenant's own limits cannot stop one visitor from using them all. This limits how many interviews
/// each client address may create per hour ("Platform:SelfServe:InterviewsPerHourPerAddress"; 0: no limit). Platforms
/// with an API key are not affected. Counted per gateway process, like the tenant rate limit.
/// </summary>
internal static class SelfServeAddressLimit
{
    // Marks a refusal as this limit's, so its 429 explains itself instead of blaming an API key the visitor never had.
    private const string Reason = "self_serve_address_limit";

    public static IServiceCollection AddSelfServeAddressLimit(this IServiceCollection services)
    {
        // After the tenant limiter's Configure: this wraps the rejection handler that one sets.
        services.AddOptions<RateLimiterOptions>().PostConfigure<IOptions<TenantLimitOptions>>((options, limits) =>
        {
            var perHour = limits.Value.SelfServe.InterviewsPerHourPerAddress;
            if (perHour == 0)
            {
                return;
            }

            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSelfServeCreate(context)
                    ? RateLimitPartition.Get(ClientAddress(context), _ => new ReasonedLimiter(new TokenBucketRateLimiter(Bucket(perHour)), Reason))
                    : RateLimitPartition.GetNoLimiter(string.Empty));

            var tenantRejection = options.OnRejected;
            options.OnRejected = (rejected, cancellationToken) =>
                rejected.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason == Reason
                    ? RefuseAsync(rejected.HttpContext, rejected.Lease, perHour)
                    : tenantRejection?.Invoke(rejected, cancellationToken) ?? ValueTask.CompletedTask;
        });
        return services;
    }

    /// <summary>An interview created without an API key: POST /api/interviews (JSON or with a CV) as the anonymous tenant.</summary>
    private static bool IsSelfServeCreate(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.Equals("/api/interviews", StringComparison.OrdinalIgnoreCase)
        && context.FindTenant() is { IsAnonymous: true };

    private static string ClientAddress(HttpContext context) =>
        (context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress)
            ?.ToString() ?? IPAddress.None.ToString();

    /// <summary>The hour's allowance at once, then one more every 60/perHour minutes.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perHour) => new()
    {
        TokenLimit = perHour,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromHours(1) / perHour,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RefuseAsync(HttpContext http, RateLimitLease lease, int perHour)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1) / perHour;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many practice interviews",
                Detail = $"This address has reached its limit of {perHour} practice interviews per hour; try again in {seconds} s.",
                Extensions = { [Problems.CodeExtension] = ApiErrorCodes.RateLimited },
            },
        });
    }
}
