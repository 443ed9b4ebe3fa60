using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Tokens;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Runtime;

namespace SyncHire.Gateway.Interviews;

/// <summary>The platform's REST API: create an interview, read it, re-issue the candidate's token, end it.</summary>
public static class InterviewsApi
{
    public static RouteGroupBuilder MapInterviewsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Interviews");

        group.MapPost("/", Create);
        group.MapGet("/{id}", Get).WithName("GetInterview");
        group.MapPost("/{id}/token", IssueToken);
        group.MapPost("/{id}/end", End);
        return group;
    }

    private static async Task<Results<Created<InterviewCreatedResponse>, ValidationProblem>> Create(
        CreateInterviewRequest request, HttpRequest http, IGrainFactory grains, CandidateTokenService tokens)
    {
        var definition = CreateInterviewValidator.Validate(request, out var errors);
        if (definition is null)
        {
            return Problems.Validation(errors);
        }

        var id = InterviewId.New();
        var snapshot = await grains.GetGrain<IInterviewGrain>(id).Create(definition);
        var token = tokens.Issue(id);
        var body = new InterviewCreatedResponse(id, ServerEvents.StatusName(snapshot.Status),
            CandidateSocketUrl.For(http, id), token.Value, token.ExpiresAt);
        return TypedResults.Created($"{http.PathBase}/api/interviews/{id}", body);
    }

    private static async Task<Results<Ok<InterviewResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        var snapshot = await FindAsync(grains, id);
        return snapshot is null ? Problems.InterviewNotFound(id) : TypedResults.Ok(InterviewResponse.From(snapshot));
    }

    private static async Task<Results<Ok<CandidateTokenResponse>, ProblemHttpResult>> IssueToken(
        string id, HttpRequest http, IGrainFactory grains, CandidateTokenService tokens)
    {
        if (await FindAsync(grains, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var token = tokens.Issue(id);
        return TypedResults.Ok(new CandidateTokenResponse(id, CandidateSocketUrl.For(http, id), token.Value, token.ExpiresAt));
    }

    private static async Task<Results<Ok<InterviewResponse>, ProblemHttpResult>> End(string id, IGrainFactory grains)
    {
        if (await FindAsync(grains, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var snapshot = await grains.GetGrain<IInterviewGrain>(id).End(EndReasons.Ended);
        return TypedResults.Ok(InterviewResponse.From(snapshot));
    }

    private static Task<InterviewSnapshot?> FindAsync(IGrainFactory grains, string id) =>
        InterviewId.IsWellFormed(id)
            ? grains.GetGrain<IInterviewGrain>(id).GetSnapshot()
            : Task.FromResult<InterviewSnapshot?>(null);
}
