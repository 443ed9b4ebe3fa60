using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using SyncHire.Grains.Candidates;

namespace SyncHire.Gateway.Errors;

/// <summary>
/// Turns exceptions into Problem Details. Client mistakes the framework detects (unreadable JSON, a body too large,
/// a wrong content type) become 4xx; an unreachable cluster becomes 503; anything else a 500 that says nothing about
/// internals, while the log keeps the whole exception.
/// </summary>
internal sealed class ExceptionProblemHandler(IProblemDetailsService problemDetails, ILogger<ExceptionProblemHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = Describe(exception);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = { [Problems.CodeExtension] = code },
            },
        });
    }

    private static (int Status, string Code, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException } => (StatusCodes.Status400BadRequest,
            ApiErrorCodes.InvalidJson, "The request body is not valid JSON",
            "The body could not be read as the expected JSON object; check its syntax and the types of its fields."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge,
            ApiErrorCodes.PayloadTooLarge, "The request body is too large", "Send a smaller body."),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (StatusCodes.Status415UnsupportedMediaType,
            ApiErrorCodes.UnsupportedMediaType, "Unsupported content type", "Send the body as application/json."),
        BadHttpRequestException bad => (bad.StatusCode, ApiErrorCodes.ForStatus(bad.StatusCode), "The request is not valid",
            "The request could not be read; a JSON body is required."),
        SiloUnavailableException or OrleansMessageRejectionException or CandidateAttachException => (StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.ClusterUnavailable,
            "The interview service is unavailable", "No server could host the interview just now; retry shortly."),
        _ => (StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError, "An unexpected error occurred",
            "The server failed to handle the request. It has been logged; retry or contact support."),
    };
}
