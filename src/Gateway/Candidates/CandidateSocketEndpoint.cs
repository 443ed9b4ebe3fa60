using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tokens;
using SyncHire.Grains.Interfaces;
using Orleans;

namespace SyncHire.Gateway.Candidates;

/// <summary>
/// GET /ws/interviews/{id}?token=…: the candidate's media WebSocket. Everything is checked before the upgrade, so a
/// refused client gets an HTTP status with Problem Details instead of a socket that closes at once.
/// </summary>
public static class CandidateSocketEndpoint
{
    public static RouteHandlerBuilder MapCandidateSockets(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/ws/interviews/{id}", Connect).WithTags("Candidates");

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Connect(
        string id, [FromQuery] string? token, HttpContext context,
        CandidateTokenService tokens, IGrainFactory grains, CandidateRelay relay)
    {
        // The token first: without a valid one the caller learns nothing, not even whether the interview exists.
        var check = await tokens.CheckAsync(token, id);
        if (CandidateTokenProblems.Refusal(check, "Pass the candidate token as ?token=…") is { } refused)
        {
            return refused;
        }

        if (!InterviewId.IsWellFormed(id) || await grains.GetGrain<IInterviewGrain>(id).GetSnapshot() is null)
        {
            return Problems.InterviewNotFound(id);
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.WebSocketRequired,
                "WebSocket required", "Connect to this URL with a WebSocket client.");
        }

        await relay.RunAsync(context, id);
        return TypedResults.Empty;
    }
}
