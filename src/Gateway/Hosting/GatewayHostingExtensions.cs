using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Limits;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.Hosting;

/// <summary>The web host around the API: the gateway's options, server limits, JSON, logging safety and the middleware order.</summary>
public static class GatewayHostingExtensions
{
    public static WebApplicationBuilder AddGatewayHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>(
            (kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodyBytes);
        services.AddOptions<WebSocketOptions>().Configure<IOptions<GatewayOptions>>(
            (sockets, gateway) => sockets.KeepAliveInterval = gateway.Value.WebSocketKeepAliveInterval);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddGatewayProblemDetails();
        builder.Logging.KeepTokensOutOfLogs();
        builder.AddAdminListener();
        return builder;
    }

    /// <summary>
    /// Errors, sockets and the web app's files first; CORS answers a browser's preflight before the key is asked
    /// for; the tenant is known before its rate limit.
    /// </summary>
    public static WebApplication UseGatewayMiddleware(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        if (Directory.Exists(app.Environment.WebRootPath))
        {
            // The candidate web app, when it is deployed beside the gateway (wwwroot).
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        app.UseGatewayCors();
        app.UseTenantAuthentication();
        app.UseRateLimiter();
        return app;
    }
}
