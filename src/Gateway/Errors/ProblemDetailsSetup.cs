namespace SyncHire.Gateway.Errors;

internal static class ProblemDetailsSetup
{
    /// <summary>
    /// Problem Details for every error response, including the ones the framework writes itself (unknown routes,
    /// wrong methods), each with a "code".
    /// </summary>
    public static IServiceCollection AddGatewayProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(Problems.CodeExtension, ApiErrorCodes.ForStatus(status));
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();

        // Unreadable bodies throw instead of answering an empty 400, so the handler above can describe them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
