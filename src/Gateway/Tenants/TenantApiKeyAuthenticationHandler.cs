using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Platform.Tenants;

namespace SyncHire.Gateway.Tenants;

/// <summary>
/// Authenticates a platform request as its tenant: by API key (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>),
/// or as <c>Platform:AnonymousTenant</c> when it carries none and one is configured. It runs only for endpoints whose
/// authorization policy names its scheme (<c>.RequireTenant()</c>), so health, the candidate socket and the web app
/// never pay a key lookup. A refusal is a 401 Problem Details with the reason's code and a Bearer challenge.
/// </summary>
internal sealed class TenantApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<TenantAccessOptions> access,
    ITenantDirectory tenants,
    AnonymousTenantProvisioner anonymous,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TenantApiKey";
    public const string TenantIdClaim = "synchire:tenant";
    public const string KeyIdClaim = "synchire:key";

    private static readonly string SendKeyHint = $"Send your key as 'Authorization: Bearer <key>' or '{PresentedApiKey.ApiKeyHeader}: <key>'.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedApiKey.Read(Request, out var malformed);
        if (malformed)
        {
            return Refuse(ApiErrorCodes.InvalidApiKey, "The API key is not valid",
                $"Send the key as 'Authorization: Bearer <key>' or '{PresentedApiKey.ApiKeyHeader}: <key>'.");
        }

        TenantContext tenant;
        if (key is not null)
        {
            if (await tenants.FindByApiKeyAsync(key, Context.RequestAborted) is not { } identity)
            {
                return Refuse(ApiErrorCodes.InvalidApiKey, "The API key is not valid", "The key is unknown or has been revoked.");
            }

            tenant = new TenantContext(identity.TenantId, identity.KeyId);
        }
        else if (access.Value.AnonymousTenant is { } anonymousTenant)
        {
            await anonymous.EnsureAsync(anonymousTenant, Context.RequestAborted);
            tenant = new TenantContext(anonymousTenant, KeyId: null);
        }
        else
        {
            return Refuse(ApiErrorCodes.ApiKeyRequired, "An API key is required", SendKeyHint);
        }

        // Handlers and the per-tenant rate limiter read the tenant from the request; the principal carries it too.
        Context.SetTenant(tenant);
        List<Claim> claims = [new(TenantIdClaim, tenant.TenantId)];
        if (tenant.KeyId is { } keyId)
        {
            claims.Add(new Claim(KeyIdClaim, keyId));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = (await HandleAuthenticateOnceSafeAsync()).Failure as TenantRefusal
            ?? new TenantRefusal(ApiErrorCodes.ApiKeyRequired, "An API key is required", SendKeyHint);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = refusal.Title,
                Detail = refusal.Message,
                Extensions = { [Problems.CodeExtension] = refusal.Code },
            },
        });
    }

    private static AuthenticateResult Refuse(string code, string title, string detail) =>
        AuthenticateResult.Fail(new TenantRefusal(code, title, detail));

    /// <summary>Why a request was not authenticated, carried from authentication to the challenge.</summary>
    private sealed class TenantRefusal(string code, string title, string detail) : Exception(detail)
    {
        public string Code { get; } = code;

        public string Title { get; } = title;
    }
}
