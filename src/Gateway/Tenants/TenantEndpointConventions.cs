namespace SyncHire.Gateway.Tenants;

/// <summary>Marks endpoints that act for a tenant: they are authenticated by API key and rate limited per tenant.</summary>
public static class TenantEndpointConventions
{
    /// <summary>The rate-limiting policy every tenant endpoint shares (one token bucket per tenant).</summary>
    public const string RateLimitPolicy = "per-tenant";

    /// <summary>
    /// Requires a tenant for these endpoints (see <see cref="TenantContext"/>): the request is authenticated before
    /// the handler runs, and counted against the tenant's rate limit.
    /// </summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(TenantRequiredMetadata.Instance);
        builder.RequireAuthorization(TenantAuthenticationSetup.TenantPolicy);
        builder.RequireRateLimiting(RateLimitPolicy);

        // Every tenant endpoint can refuse the key or the rate: the contract says so once, here.
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        return builder;
    }
}

/// <summary>Marks a tenant endpoint for the OpenAPI document (its API-key security requirement).</summary>
public sealed class TenantRequiredMetadata
{
    public static readonly TenantRequiredMetadata Instance = new();

    private TenantRequiredMetadata()
    {
    }
}
