using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tenants;
using SyncHire.Gateway.Tokens;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using Orleans;

namespace SyncHire.Gateway.Invitations;

/// <summary>
/// Invitation links. The platform (re)issues or revokes an interview's invitation; the candidate's web app, holding
/// only the link, trades its token for a short-lived candidate token with POST /api/join/{token}.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        var platform = routes.MapGroup("/api/interviews/{id}/invitations").WithTags("Invitations").RequireTenant();
        platform.MapPost("/", Issue).WithSummary("Issue an invitation link for the candidate (earlier links stay valid until revoked)");
        platform.MapDelete("/", Revoke).WithSummary("Revoke every invitation link of the interview");

        routes.MapPost("/api/join/{token}", Join).WithTags("Invitations")
            .WithSummary("Candidate web app: trade an invitation token for a candidate token and the interview's WebSocket URL");
        return routes;
    }

    private static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> Issue(
        string id, TenantContext tenant, HttpRequest http, TenantInterviewAccess interviews, InvitationService invitations)
    {
        if (await interviews.FindAsync(tenant, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var invitation = await invitations.CreateAsync(tenant.TenantId, id, http, http.HttpContext.RequestAborted);
        return TypedResults.Created(invitation.InvitationUrl, invitation);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, TenantContext tenant, TenantInterviewAccess interviews, InvitationService invitations)
    {
        if (await interviews.FindAsync(tenant, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        // Not tied to the request: a revocation the platform asked for must not stop half-way.
        await invitations.RevokeAsync(tenant.TenantId, id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JoinResponse>, ProblemHttpResult>> Join(
        string token, HttpRequest http, InvitationService invitations, IGrainFactory grains, CandidateTokenService tokens)
    {
        var grant = await invitations.RedeemAsync(token, http.HttpContext.RequestAborted);
        var snapshot = grant is null ? null : await grains.GetGrain<IInterviewGrain>(grant.InterviewId).GetSnapshot();
        if (grant is null || snapshot is null || snapshot.Definition.TenantId is { } owner && owner != grant.TenantId)
        {
            return Problems.Of(StatusCodes.Status404NotFound, ApiErrorCodes.InvitationNotFound, "Invitation not found",
                "This invitation link is not valid: it may have expired or been withdrawn. Ask for a new one.");
        }

        if (snapshot.Status == InterviewStatus.Completed)
        {
            return Problems.Of(StatusCodes.Status410Gone, ApiErrorCodes.InterviewEnded, "Interview ended",
                "This interview has already taken place.");
        }

        var candidate = tokens.Issue(snapshot.Id);
        var definition = snapshot.Definition;
        return TypedResults.Ok(new JoinResponse(
            snapshot.Id,
            candidate.Value,
            CandidateSocketUrl.For(http, snapshot.Id),
            candidate.ExpiresAt,
            new JoinInterviewSummary(definition.CandidateName, definition.Role, ServerEvents.StatusName(snapshot.Status),
                definition.MaxDurationMinutes, snapshot.Questions.Count)));
    }
}
