using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.OpenApi;

/// <summary>
/// The API's contract, generated from the endpoints themselves (their typed results and declared problems) and
/// served at <c>/openapi/v1.json</c> without a key, so integrators can generate clients from a running gateway.
/// </summary>
internal static class GatewayOpenApi
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // POST /api/interviews is two endpoints picked by Content-Type (JSON, and a form with an optional CV);
            // OpenAPI has one operation per path and method, so the JSON endpoint describes it and the form is
            // added to its request body below.
            options.ShouldInclude = description => !IsFormCreate(description);
            options.AddDocumentTransformer((document, _, _) =>
            {
                AddFormBodyToCreate(document);
                document.Info = new OpenApiInfo
                {
                    Title = "SyncHire Interview API",
                    Version = "v1",
                    Description = "Live AI voice interviews for hiring platforms. Authenticate with 'Authorization: Bearer <api key>' " +
                        $"or '{PresentedApiKey.ApiKeyHeader}: <api key>'. Every error is Problem Details (RFC 9457) with a stable 'code'.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The tenant's API key.",
                };
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = PresentedApiKey.ApiKeyHeader,
                    Description = "The tenant's API key, as an alternative to the Authorization header.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TenantRequiredMetadata>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointConventionBuilder MapGatewayOpenApi(this IEndpointRouteBuilder routes) =>
        routes.MapOpenApi(DocumentPath);

    private static bool IsFormCreate(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.HttpMethod == HttpMethods.Post
        && description.RelativePath?.TrimEnd('/') == "api/interviews"
        && description.SupportedRequestFormats.Count > 0
        && description.SupportedRequestFormats.All(format => format.MediaType == "multipart/form-data");

    private static void AddFormBodyToCreate(OpenApiDocument document)
    {
        if (document.Paths.TryGetValue("/api/interviews", out var path)
            && path.Operations?.TryGetValue(HttpMethod.Post, out var create) == true
            && create.RequestBody?.Content?.TryGetValue("application/json", out var json) == true)
        {
            create.RequestBody.Content["multipart/form-data"] = new OpenApiMediaType { Schema = json.Schema };
            create.Description = "Send the fields as JSON, or as multipart/form-data fields with an optional 'cv' file " +
                "(PDF or DOCX). A rejected CV answers 413/415/422 with a cv_* code.";
        }
    }

    private const string BearerScheme = "bearer";
    private const string ApiKeyScheme = "apiKey";
}
