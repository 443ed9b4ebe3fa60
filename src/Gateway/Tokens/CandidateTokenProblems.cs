using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;

namespace SyncHire.Gateway.Tokens;

/// <summary>
/// How every candidate-authenticated endpoint (the media socket, the avatar look-up) refuses a token, so a client
/// branches on the same codes wherever it presented one.
/// </summary>
internal static class CandidateTokenProblems
{
    /// <summary>Null when the token admits its holder; otherwise 401 (missing, invalid, expired) or 403 (another interview).</summary>
    /// <param name="howToPresent">Told to a caller that sent no token: where this endpoint expects it.</param>
    public static ProblemHttpResult? Refusal(TokenCheck check, string howToPresent) => check switch
    {
        TokenCheck.Valid => null,
        TokenCheck.Missing => Problems.Of(StatusCodes.Status401Unauthorized, ApiErrorCodes.TokenMissing,
            "Token required", howToPresent),
        TokenCheck.Expired => Problems.Of(StatusCodes.Status401Unauthorized, ApiErrorCodes.TokenExpired,
            "Token expired", "The candidate token has expired; ask the platform for a fresh one."),
        TokenCheck.WrongInterview => Problems.Of(StatusCodes.Status403Forbidden, ApiErrorCodes.TokenWrongInterview,
            "Token is for another interview", "This candidate token does not admit its holder to this interview."),
        _ => Problems.Of(StatusCodes.Status401Unauthorized, ApiErrorCodes.InvalidToken,
            "Invalid token", "The candidate token is not valid."),
    };
}
