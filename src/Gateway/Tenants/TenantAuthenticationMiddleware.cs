using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Platform.Tenants;

namespace SyncHire.Gateway.Tenants;

/// <summary>
/// Resolves the <see cref="TenantContext"/> of requests to endpoints marked <c>.RequireTenant()</c>, before rate
/// limiting (which is per tenant) and the handler. Other endpoints (health, the candidate socket, OpenAPI) pass
/// untouched. Failures answer 401 Problem Details with a WWW-Authenticate challenge.
/// </summary>
internal sealed class TenantAuthenticationMiddleware(
    RequestDelegate next,
    TenantAccessOptions options,
    ITenantDirectory tenants,
    AnonymousTenantProvisioner anonymous,
    IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TenantRequiredMetadata>() is null)
        {
            await next(context);
            return;
        }

        var key = PresentedApiKey.Read(context.Request, out var malformed);
        if (malformed)
        {
            await ChallengeAsync(context, ApiErrorCodes.InvalidApiKey, "The API key is not valid",
                $"Send the key as 'Authorization: Bearer <key>' or '{PresentedApiKey.ApiKeyHeader}: <key>'.");
            return;
        }

        if (key is not null)
        {
            var identity = await tenants.FindByApiKeyAsync(key, context.RequestAborted);
            if (identity is null)
            {
                await ChallengeAsync(context, ApiErrorCodes.InvalidApiKey, "The API key is not valid",
                    "The key is unknown or has been revoked.");
                return;
            }

            context.SetTenant(new TenantContext(identity.TenantId, identity.KeyId));
        }
        else if (options.AnonymousTenant is { } anonymousTenant)
        {
            await anonymous.EnsureAsync(anonymousTenant, context.RequestAborted);
            context.SetTenant(new TenantContext(anonymousTenant, KeyId: null));
        }
        else
        {
            await ChallengeAsync(context, ApiErrorCodes.ApiKeyRequired, "An API key is required",
                $"Send your key as 'Authorization: Bearer <key>' or '{PresentedApiKey.ApiKeyHeader}: <key>'.");
            return;
        }

        await next(context);
    }

    private async Task ChallengeAsync(HttpContext context, string code, string title, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = title,
                Detail = detail,
                Extensions = { [Problems.CodeExtension] = code },
            },
        });
    }
}
