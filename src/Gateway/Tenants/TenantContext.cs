using System.Reflection;

namespace SyncHire.Gateway.Tenants;

/// <summary>
/// The tenant a platform request acts for, resolved from its API key (<c>Authorization: Bearer &lt;key&gt;</c> or
/// <c>X-Api-Key</c>) or, for a request without a key, the configured <c>Platform:AnonymousTenant</c>.
/// </summary>
/// <remarks>
/// How an endpoint gets it:
/// <list type="number">
/// <item>Mark the group (or endpoint) with <c>.RequireTenant()</c> (<see cref="TenantEndpointConventions"/>). That
/// makes the gateway authenticate the request before the handler runs — a missing key answers 401
/// <c>api_key_required</c> (unless an anonymous tenant is configured), a wrong one 401 <c>invalid_api_key</c> — and
/// applies the tenant's rate limit.</item>
/// <item>Declare a <c>TenantContext tenant</c> parameter on the handler (bound by <see cref="BindAsync"/>), or call
/// <c>httpContext.GetTenant()</c> (<see cref="TenantHttpContextExtensions"/>) from code that has the HttpContext.</item>
/// </list>
/// Scope every read and write with <see cref="TenantId"/>; answer 404 (never 403) for another tenant's data. For
/// /api/interviews/{id}/… endpoints, <c>TenantInterviewAccess.FindAsync(tenant, id)</c> (SyncHire.Gateway.Interviews)
/// returns the interview's snapshot only when it is this tenant's.
/// </remarks>
/// <param name="TenantId">The tenant's id (see <c>SyncHire.Platform.Tenants.TenantIds</c>).</param>
/// <param name="KeyId">The id of the API key used; null when the request came without a key (anonymous tenant).</param>
public sealed record TenantContext(string TenantId, string? KeyId)
{
    /// <summary>True when no key was presented and the request acts as <c>Platform:AnonymousTenant</c>.</summary>
    public bool IsAnonymous => KeyId is null;

    /// <summary>
    /// Minimal-API binding. The tenant is resolved by the authentication step that <c>.RequireTenant()</c> enables;
    /// an endpoint asking for it without that step is a wiring mistake, reported as such rather than as a 4xx.
    /// </summary>
    public static ValueTask<TenantContext?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<TenantContext?>(context.GetTenant());
}

/// <summary>Reads and records the request's <see cref="TenantContext"/>.</summary>
public static class TenantHttpContextExtensions
{
    private static readonly object ItemKey = typeof(TenantContext);

    /// <summary>The authenticated tenant. Throws <see cref="InvalidOperationException"/> on an endpoint without <c>.RequireTenant()</c>.</summary>
    public static TenantContext GetTenant(this HttpContext context) =>
        context.FindTenant() ?? throw new InvalidOperationException(
            $"No tenant was resolved for {context.Request.Path}: map the endpoint's group with .RequireTenant().");

    /// <summary>The authenticated tenant, or null before authentication ran (or on an endpoint that does not need one).</summary>
    public static TenantContext? FindTenant(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as TenantContext : null;

    internal static void SetTenant(this HttpContext context, TenantContext tenant) => context.Items[ItemKey] = tenant;
}
