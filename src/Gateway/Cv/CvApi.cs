using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Invitations;
using SyncHire.Gateway.Limits;
using SyncHire.Gateway.Tenants;
using SyncHire.Gateway.Tokens;
using SyncHire.Grains.Cv;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Webhooks;
using Orleans;
using SyncHire.Providers;

namespace SyncHire.Gateway.Cv;

/// <summary>
/// CVs: POST /api/interviews as multipart/form-data (the JSON fields as form fields plus an optional "cv" file),
/// and POST /api/interviews/{id}/cv to add or replace one before the interview starts. The file is turned into
/// prompt text here, at the edge, so only bounded text ever reaches the interview grain.
/// </summary>
public static class CvApi
{
    public static IEndpointRouteBuilder MapCvApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Interviews").RequireTenant();

        // Same route as the JSON create: the request's Content-Type picks the endpoint.
        group.MapPost("/", CreateWithCv)
            .Accepts<CreateInterviewRequest>("multipart/form-data")
            .WithSummary("Create an interview from a form, with an optional CV file (PDF or DOCX)");
        group.MapPost("/{id}/cv", AttachCv)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Add or replace the candidate's CV before the interview starts");
        return routes;
    }

    private static async Task<IResult> CreateWithCv(
        HttpRequest http, TenantContext tenant, CvUploadReader uploads, IOptions<JsonOptions> json, IGrainFactory grains,
        CandidateTokenService tokens, InterviewQuota quota, InvitationService invitations, IOptions<WebhookOptions> webhooks,
        ProviderRegistry providers)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var (form, unreadable) = await uploads.ReadFormAsync(http, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var request = InterviewForm.Read(form!, json.Value.SerializerOptions, out var formErrors);
        var definition = request is null ? null : CreateInterviewValidator.Validate(request, webhooks.Value, providers.Names, out formErrors);
        if (definition is null)
        {
            return Problems.Validation(formErrors);
        }

        // The file is read before anything is created: a rejected CV leaves no half-made interview behind.
        CvText? cv = null;
        string? fileName = null;
        if (CvUploadReader.FindFile(form!) is { } file)
        {
            (cv, var rejected) = await uploads.ExtractAsync(file, cancellationToken);
            if (rejected is not null)
            {
                return rejected;
            }

            fileName = file.FileName;
        }

        var id = InterviewId.New();
        var grain = grains.GetGrain<IInterviewGrain>(id);
        InterviewSnapshot snapshot;
        await using (var slot = await quota.ReserveAsync(tenant.TenantId, http.HttpContext.Response, cancellationToken))
        {
            if (slot.Refusal is { } exceeded)
            {
                return exceeded;
            }

            // As in the JSON create, the grain writes the interview's index row as part of Create.
            snapshot = await grain.Create(definition with { TenantId = tenant.TenantId });
        }

        if (cv is not null)
        {
            snapshot = await grain.AttachCv(cv.Text, fileName!);
        }

        var token = tokens.Issue(id);
        var invitation = await invitations.CreateAsync(tenant.TenantId, id, http, CancellationToken.None);

        // The JSON create's answer plus the CV, written through the app's JSON settings.
        var body = JsonSerializer.SerializeToNode(
            new InterviewCreatedResponse(id, ServerEvents.StatusName(snapshot.Status), CandidateSocketUrl.For(http, id), token.Value, token.ExpiresAt,
                invitation.InvitationUrl, invitation.ExpiresAt),
            json.Value.SerializerOptions)!.AsObject();
        body["cv"] = cv is null ? null : JsonSerializer.SerializeToNode(Describe(id, snapshot, cv), json.Value.SerializerOptions);
        return TypedResults.Created($"{http.PathBase}/api/interviews/{id}", body);
    }

    private static async Task<Results<Ok<CvAttachedResponse>, ProblemHttpResult>> AttachCv(
        string id, HttpRequest http, TenantContext tenant, TenantInterviewAccess interviews, CvUploadReader uploads, IGrainFactory grains)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var existing = await interviews.FindAsync(tenant, id);
        if (existing is null)
        {
            return Problems.InterviewNotFound(id);
        }

        // Checked before the upload is read: a late CV is refused without spending time on the file.
        if (existing.Status != InterviewStatus.Created)
        {
            return AlreadyStarted(id);
        }

        var (form, unreadable) = await uploads.ReadFormAsync(http, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (CvUploadReader.FindFile(form!) is not { } file)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.CvMissing, "No CV in the request",
                $"Send the file in the multipart field \"{CvUploadReader.FileField}\".");
        }

        var (cv, rejected) = await uploads.ExtractAsync(file, cancellationToken);
        if (rejected is not null)
        {
            return rejected;
        }

        try
        {
            var snapshot = await grains.GetGrain<IInterviewGrain>(id).AttachCv(cv!.Text, file.FileName);
            return TypedResults.Ok(Describe(id, snapshot, cv));
        }
        catch (InvalidOperationException)
        {
            // The candidate started while the file was being read.
            return AlreadyStarted(id);
        }
    }

    private static CvAttachedResponse Describe(string id, InterviewSnapshot snapshot, CvText cv) =>
        new(id, snapshot.CvFileName ?? "cv", snapshot.CvCharacters, cv.IsTruncated, cv.Format.ToString().ToLowerInvariant(), cv.PageCount);

    private static ProblemHttpResult AlreadyStarted(string id) =>
        Problems.Of(StatusCodes.Status409Conflict, ApiErrorCodes.InterviewAlreadyStarted, "The interview has already started",
            $"Interview '{id}' has started; a CV can only be added before the candidate starts.");
}
