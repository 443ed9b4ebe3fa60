using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SyncHire.Gateway.Tests.VideoRooms.Fakes;

/// <summary>Independent verification of the gateway's HS256 tokens, with the library the services' SDKs agree with.</summary>
public static class SignedJwt
{
    /// <summary>The token if its HS256 signature verifies with <paramref name="secret"/> (and, when asked, it is current); otherwise null.</summary>
    public static async Task<JsonWebToken?> VerifyAsync(string? token, string secret, bool requireLifetime)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = requireLifetime,
            RequireExpirationTime = requireLifetime,
            ClockSkew = TimeSpan.Zero,
        });
        return result.IsValid ? (JsonWebToken)result.SecurityToken : null;
    }
}
