using Microsoft.AspNetCore.Http.HttpResults;

namespace SyncHire.Gateway.Errors;

/// <summary>Problem Details results that always carry a stable <see cref="ApiErrorCodes">code</see>.</summary>
public static class Problems
{
    public const string CodeExtension = "code";

    public static ProblemHttpResult Of(int statusCode, string code, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: title,
            extensions: new Dictionary<string, object?> { [CodeExtension] = code });

    public static ProblemHttpResult InterviewNotFound(string id) =>
        Of(StatusCodes.Status404NotFound, ApiErrorCodes.InterviewNotFound, "Interview not found",
            $"There is no interview with id '{id}'.");

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid",
            detail: "See 'errors' for each field that needs fixing.",
            extensions: new Dictionary<string, object?> { [CodeExtension] = ApiErrorCodes.ValidationFailed });
}
