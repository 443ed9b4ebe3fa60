using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SyncHire.Gateway.Tokens;

/// <summary>
/// Issues and checks the short-lived JWTs that admit a candidate to one interview's WebSocket. Stateless: any
/// gateway holding the shared key can check a token another issued.
/// </summary>
public sealed class CandidateTokenService
{
    public const string Issuer = "synchire";
    public const string Audience = "synchire-candidate";
    public const string InterviewIdClaim = "interview_id";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public CandidateTokenService(TokenSigningKey signingKey, IOptions<GatewayOptions> options, TimeProvider time)
    {
        _time = time;
        _lifetime = options.Value.CandidateTokenLifetime;
        _credentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Gateways of one cluster share a clock source closely enough; a long skew would stretch a short token.
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Issues a token for <paramref name="interviewId"/> valid for the configured lifetime from now.</summary>
    public CandidateToken Issue(string interviewId) => Issue(interviewId, _time.GetUtcNow() + _lifetime);

    /// <summary>Issues a token for <paramref name="interviewId"/> that expires at <paramref name="expiresAt"/>.</summary>
    public CandidateToken Issue(string interviewId, DateTimeOffset expiresAt)
    {
        // Whole seconds: JWT times are NumericDate, so the returned expiry matches what the token carries.
        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        var issuedAt = expires - _lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = interviewId,
                [InterviewIdClaim] = interviewId,
            },
        };
        return new CandidateToken(_handler.CreateToken(descriptor), expires);
    }

    /// <summary>Checks that <paramref name="token"/> is ours, current, and for <paramref name="interviewId"/>.</summary>
    public async Task<TokenCheck> CheckAsync(string? token, string interviewId)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenCheck.Missing;
        }

        var result = await _handler.ValidateTokenAsync(token, _validation).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenExpiredException ? TokenCheck.Expired : TokenCheck.Invalid;
        }

        return result.Claims.TryGetValue(InterviewIdClaim, out var claimed) && claimed is string id
               && string.Equals(id, interviewId, StringComparison.Ordinal)
            ? TokenCheck.Valid
            : TokenCheck.WrongInterview;
    }
}
