using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Invitations;
using SyncHire.Gateway.Limits;
using SyncHire.Gateway.Tenants;
using SyncHire.Gateway.Tokens;
using SyncHire.Gateway.VideoRooms;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Webhooks;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Retention;
using Orleans;
using SyncHire.Providers;

namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The platform's REST API for its interviews: create, list, read, re-issue the candidate's token, end, erase.
/// Every endpoint acts for the API key's tenant; another tenant's interview is answered 404.
/// </summary>
public static class InterviewsApi
{
    public static RouteGroupBuilder MapInterviewsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Interviews").RequireTenant();

        group.MapPost("/", Create)
            .WithSummary("Create an interview")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", List).WithSummary("List the tenant's interviews, newest first");
        group.MapGet("/{id}", Get).WithName("GetInterview").WithSummary("Read an interview with its transcript so far");
        group.MapPost("/{id}/token", IssueToken).WithSummary("Issue a fresh candidate token");
        group.MapPost("/{id}/end", End).WithSummary("End an interview");
        group.MapDelete("/{id}", Delete).WithSummary("Erase an interview, its transcript and every record about it");
        return group;
    }

    private static async Task<Results<Created<InterviewCreatedResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateInterviewRequest request, TenantContext tenant, HttpRequest http, IGrainFactory grains,
        CandidateTokenService tokens, InterviewQuota quota, InvitationService invitations, IOptions<WebhookOptions> webhooks,
        ProviderRegistry providers)
    {
        var definition = CreateInterviewValidator.Validate(request, webhooks.Value, providers.Names, out var errors);
        if (definition is null)
        {
            return Problems.Validation(errors);
        }

        var id = InterviewId.New();
        InterviewSnapshot snapshot;
        await using (var slot = await quota.ReserveAsync(tenant.TenantId, http.HttpContext.Response, http.HttpContext.RequestAborted))
        {
            if (slot.Refusal is { } exceeded)
            {
                return exceeded;
            }

            // The grain writes the interview's index row as part of Create: it is listed, and counted by the next
            // create's reservation, before this one lets go of the quota.
            snapshot = await grains.GetGrain<IInterviewGrain>(id).Create(definition with { TenantId = tenant.TenantId });
        }

        var token = tokens.Issue(id);
        var invitation = await invitations.CreateAsync(tenant.TenantId, id, http, CancellationToken.None);
        var body = new InterviewCreatedResponse(id, ServerEvents.StatusName(snapshot.Status),
            CandidateSocketUrl.For(http, id), token.Value, token.ExpiresAt, invitation.InvitationUrl, invitation.ExpiresAt);
        return TypedResults.Created($"{http.PathBase}/api/interviews/{id}", body);
    }

    private static async Task<Results<Ok<InterviewListResponse>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] ListInterviewsParameters parameters, TenantContext tenant, IInterviewIndex index, CancellationToken cancellationToken)
    {
        var query = parameters.ToQuery(out var errors);
        if (query is null)
        {
            return Problems.Validation(errors);
        }

        InterviewPage page;
        try
        {
            page = await index.ListInterviewsAsync(tenant.TenantId, query, cancellationToken);
        }
        catch (ArgumentException e) when (e.ParamName == "cursor")
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidCursor, "The cursor is not valid",
                "Pass the nextCursor of a previous page unchanged, or leave cursor out for the first page.");
        }

        return TypedResults.Ok(new InterviewListResponse([.. page.Items.Select(InterviewSummaryResponse.From)], page.NextCursor));
    }

    private static async Task<Results<Ok<InterviewResponse>, ProblemHttpResult>> Get(
        string id, TenantContext tenant, TenantInterviewAccess interviews)
    {
        var snapshot = await interviews.FindAsync(tenant, id);
        return snapshot is null ? Problems.InterviewNotFound(id) : TypedResults.Ok(InterviewResponse.From(snapshot));
    }

    private static async Task<Results<Ok<CandidateTokenResponse>, ProblemHttpResult>> IssueToken(
        string id, TenantContext tenant, HttpRequest http, TenantInterviewAccess interviews, CandidateTokenService tokens)
    {
        if (await interviews.FindAsync(tenant, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var token = tokens.Issue(id);
        return TypedResults.Ok(new CandidateTokenResponse(id, CandidateSocketUrl.For(http, id), token.Value, token.ExpiresAt));
    }

    private static async Task<Results<Ok<InterviewResponse>, ProblemHttpResult>> End(
        string id, TenantContext tenant, TenantInterviewAccess interviews, IGrainFactory grains)
    {
        if (await interviews.FindAsync(tenant, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var snapshot = await grains.GetGrain<IInterviewGrain>(id).End(EndReasons.Ended);
        return TypedResults.Ok(InterviewResponse.From(snapshot));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, TenantContext tenant, IGrainFactory grains, TenantInterviewAccess interviews, IInterviewIndex index,
        InterviewEraser eraser, TavusConversationCloser avatars)
    {
        if (!InterviewId.IsWellFormed(id))
        {
            return Problems.InterviewNotFound(id);
        }

        // The grain decides ownership while it has state; an index row alone is what an erasure that failed
        // part-way leaves behind, and deleting again finishes it.
        var snapshot = await grains.GetGrain<IInterviewGrain>(id).GetSnapshot();
        var owned = snapshot is not null
            ? interviews.IsOwnedBy(snapshot, tenant)
            : await index.GetInterviewAsync(tenant.TenantId, id, CancellationToken.None) is not null;
        if (!owned)
        {
            return Problems.InterviewNotFound(id);
        }

        // Not tied to the request: a client that hangs up mid-way must not leave half an erasure.
        await eraser.EraseAsync(tenant.TenantId, id, CancellationToken.None);
        await avatars.CloseForErasedInterviewAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
