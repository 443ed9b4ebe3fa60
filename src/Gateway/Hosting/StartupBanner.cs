using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SyncHire.Gateway.Hosting;

/// <summary>Tells whoever started the app, in one line, where it listens: the addresses Kestrel really bound.</summary>
internal static class StartupBanner
{
    public static void LogWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var urls = string.Join(", ", addresses.Select(Browsable));
            app.Logger.LogInformation("SyncHire is running at {Urls} — open it in a browser to take an interview; API at /api/interviews, OpenAPI at /openapi/v1.json", urls);
        });
    }

    /// <summary>A wildcard bind (0.0.0.0, [::], +, *) is not an address a browser can open; show localhost instead.</summary>
    private static string Browsable(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
        {
            return address;
        }

        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            return new UriBuilder(uri) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        }

        return address;
    }
}
