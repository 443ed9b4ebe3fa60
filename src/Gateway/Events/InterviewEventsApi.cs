using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.Events;

/// <summary>GET /api/interviews/{id}/events: the interview's live events as Server-Sent Events, for the platform.</summary>
public static class InterviewEventsApi
{
    public static IEndpointRouteBuilder MapInterviewEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/interviews/{id}/events", Stream).WithTags("Events").RequireTenant()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithSummary("Follow an interview live: status, progress and transcript events until interview_ended");
        return routes;
    }

    private static async Task<IResult> Stream(
        string id, HttpContext context, TenantContext tenant, TenantInterviewAccess interviews, InterviewEventStream events)
    {
        var snapshot = await interviews.FindAsync(tenant, id);
        if (snapshot is null)
        {
            return Problems.InterviewNotFound(id);
        }

        await events.RunAsync(context, snapshot);
        return Results.Empty;
    }
}
