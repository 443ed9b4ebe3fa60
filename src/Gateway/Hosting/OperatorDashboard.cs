using System.Globalization;
using Orleans.Dashboard;

namespace SyncHire.Gateway.Hosting;

/// <summary>
/// The Orleans Dashboard, for operators only. It shows grain keys, state and logs, so it is never served on the
/// public port: it is mapped on a separate admin listener (<c>Admin:DashboardPort</c>, bound to
/// <c>Admin:BindAddress</c>, loopback by default) and answers 404 on every other port. In Kubernetes the admin port is
/// not part of the Service; operators reach it with <c>kubectl port-forward</c>. Unset port: no dashboard.
/// </summary>
public static class OperatorDashboard
{
    private const string PortSetting = "Admin:DashboardPort";
    private const string BindSetting = "Admin:BindAddress";

    /// <summary>Adds the admin listener to the app's URLs; returns the port, or null when the dashboard is off.</summary>
    public static int? AddAdminListener(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[PortSetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (!int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{PortSetting} must be a TCP port number (1-65535).");
        }

        var bind = builder.Configuration[BindSetting] is { Length: > 0 } address ? address : "127.0.0.1";
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } given ? given : "http://localhost:5000";
        builder.WebHost.UseUrls($"{urls};http://{bind}:{port}");
        return port;
    }

    public static void MapDashboard(WebApplication app, int? adminPort)
    {
        if (adminPort is { } port)
        {
            app.MapOrleansDashboard("/dashboard").RequireHost($"*:{port}");
        }
    }
}
