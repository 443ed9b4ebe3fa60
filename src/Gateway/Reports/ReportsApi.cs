using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tenants;
using SyncHire.Grains.Interfaces;
using Orleans;

namespace SyncHire.Gateway.Reports;

/// <summary>GET /api/interviews/{id}/report: the evaluation written after the interview ended.</summary>
public static class ReportsApi
{
    /// <summary>How long a caller that got 202 is asked to wait before asking again.</summary>
    public const int RetryAfterSeconds = 2;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Reports").RequireTenant();
        group.MapGet("/{id}/report", GetReport).WithName("GetInterviewReport")
            .WithSummary("Read the evaluation report of an ended interview (202 while it is being written)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<InterviewReportSnapshot>, Accepted<ReportPendingResponse>, ProblemHttpResult>> GetReport(
        string id, TenantContext tenant, TenantInterviewAccess interviews, IGrainFactory grains, HttpResponse response)
    {
        if (await interviews.FindAsync(tenant, id) is null
            || await grains.GetGrain<IInterviewGrain>(id).GetReport() is not { } result)
        {
            return Problems.InterviewNotFound(id);
        }

        switch (result.Status)
        {
            case ReportStatus.Ready:
                return TypedResults.Ok(result.Report!);
            case ReportStatus.Pending:
                response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Accepted((string?)null, new ReportPendingResponse(id, "pending",
                    "The interview has ended and its report is being written; ask again shortly."));
            case ReportStatus.NotAvailable:
                return Problems.Of(StatusCodes.Status409Conflict, ApiErrorCodes.ReportNotAvailable, "No report for this interview",
                    "The interview ended before the candidate answered anything, so there is nothing to evaluate.");
            default:
                return Problems.Of(StatusCodes.Status409Conflict, ApiErrorCodes.InterviewNotFinished, "The interview has not finished",
                    "The report is written once the interview ends.");
        }
    }
}

/// <summary>The 202 answer while the report is being written.</summary>
/// <param name="Status">Always "pending".</param>
public sealed record ReportPendingResponse(string InterviewId, string Status, string Detail);
