namespace SyncHire.Gateway.WebApp;

/// <summary>
/// The candidate web app (wwwroot) is one page that routes in the browser. Its deep links — an invitation
/// (/join/{token}), a room (/interview/{id}) and its results — are answered with index.html so they work when
/// opened directly or reloaded. Only these app paths are mapped, so unknown /api or /ws paths keep their 404s.
/// </summary>
public static class CandidateWebApp
{
    private const string Page = "index.html";

    public static IEndpointRouteBuilder MapCandidateWebApp(this IEndpointRouteBuilder routes)
    {
        // A gateway deployed without the web app (an API-only edge) answers these paths with 404 like any other.
        if (!Directory.Exists(routes.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootPath))
        {
            return routes;
        }

        routes.MapFallbackToFile("/join/{token}", Page);
        routes.MapFallbackToFile("/interview/{id}", Page);
        routes.MapFallbackToFile("/interview/{id}/results", Page);
        return routes;
    }
}
