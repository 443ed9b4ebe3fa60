using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using SyncHire.ServiceDefaults;

namespace SyncHire.Gateway.Hosting;

/// <summary>
/// The Orleans Dashboard, for operators only. It shows grain keys, state and logs, so it is never served on the
/// public port: it is mapped on a separate admin listener (<c>Admin:DashboardPort</c>, bound to
/// <c>Admin:BindAddress</c>, loopback by default) and answers 404 on every other port. In Kubernetes the admin port is
/// not part of the Service; operators reach it with <c>kubectl port-forward</c>. Unset port: no dashboard.
/// </summary>
public static class OperatorDashboard
{
    /// <summary>Adds the admin listener to the app's URLs when a dashboard port is set.</summary>
    public static WebApplicationBuilder AddAdminListener(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());

        // The listener is one of the server's URLs, fixed before the container exists: read once, same validator.
        var admin = BuildTimeOptions.Read(builder.Configuration, AdminOptions.SectionName, new AdminOptionsValidator());
        if (admin.DashboardPort is { } port)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } given ? given : "http://localhost:5000";
            builder.WebHost.UseUrls($"{urls};http://{admin.BindAddress}:{port}");
        }

        return builder;
    }

    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.DashboardPort is { } port)
        {
            app.MapOrleansDashboard("/dashboard").RequireHost($"*:{port}");
        }

        return app;
    }
}
