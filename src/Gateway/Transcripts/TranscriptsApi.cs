using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tenants;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Gateway.Transcripts;

/// <summary>
/// GET /api/interviews/{id}/transcript: JSON by default; a downloadable text file with <c>?format=text</c> or
/// <c>Accept: text/plain</c>. Available at any time (a running interview's transcript so far).
/// </summary>
public static class TranscriptsApi
{
    public static RouteGroupBuilder MapTranscriptsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Transcripts").RequireTenant();
        group.MapGet("/{id}/transcript", GetTranscript).WithName("GetInterviewTranscript")
            .WithSummary("Read the transcript as JSON, or download it as text (?format=text or Accept: text/plain)")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<TranscriptResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetTranscript(
        string id, string? format, TenantContext tenant, TenantInterviewAccess interviews, HttpRequest request)
    {
        var asText = format?.ToLowerInvariant() switch
        {
            null => WantsText(request),
            "json" => false,
            "text" or "txt" => true,
            _ => (bool?)null,
        };
        if (asText is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["format"] = ["Must be 'json' or 'text'."] });
        }

        if (await interviews.FindAsync(tenant, id) is not { } snapshot)
        {
            return Problems.InterviewNotFound(id);
        }

        if (asText.Value)
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(TranscriptText.Render(snapshot)), "text/plain; charset=utf-8",
                fileDownloadName: $"interview-{id}-transcript.txt");
        }

        return TypedResults.Ok(new TranscriptResponse(id, snapshot.Definition.CandidateName, ServerEvents.StatusName(snapshot.Status),
            [.. snapshot.Transcript.Select(TranscriptTurnResponse.From)]));
    }

    /// <summary>Text when the caller accepts text/plain and prefers it to JSON (no Accept, or */*, means JSON).</summary>
    private static bool WantsText(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0)
        {
            return false;
        }

        double Quality(string mediaType) => accepted
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();

        var text = Quality("text/plain");
        return text > 0 && text > Quality("application/json");
    }
}

/// <param name="Candidate">The candidate's name.</param>
/// <param name="Status">created, in_progress or completed.</param>
public sealed record TranscriptResponse(string InterviewId, string Candidate, string Status, IReadOnlyList<TranscriptTurnResponse> Turns);
