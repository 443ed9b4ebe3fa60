using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using SyncHire.Gateway.Candidates;
using SyncHire.Gateway.Cv;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Events;
using SyncHire.Gateway.Health;
using SyncHire.Gateway.Hosting;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Invitations;
using SyncHire.Gateway.Limits;
using SyncHire.Gateway.Metrics;
using SyncHire.Gateway.OpenApi;
using SyncHire.Gateway.Reports;
using SyncHire.Gateway.Tenants;
using SyncHire.Gateway.TextMode;
using SyncHire.Gateway.Tokens;
using SyncHire.Gateway.Transcripts;
using SyncHire.Gateway.Usage;
using SyncHire.Gateway.VideoRooms;
using SyncHire.Gateway.WebApp;
using SyncHire.Grains;
using SyncHire.Platform.Hosting;
using SyncHire.Providers.Gemini;
using SyncHire.Providers.Offline;
using SyncHire.Providers.OpenAI;
using SyncHire.Providers.Pipeline;
using SyncHire.Platform.Retention;
using SyncHire.Silo.Hosting;

namespace SyncHire.Gateway;

/// <summary>
/// The whole SyncHire process, composed in one place: the REST API, the candidate sockets and the web app, co-hosted
/// with an Orleans silo that holds the interview grains. By default a single node (SQLite, localhost clustering,
/// offline interviewer); with Cluster:Storage postgres, one of any number of identical pods of a cluster.
/// Tests start exactly this app on a loopback port.
/// </summary>
public static class SyncHireApp
{
    public static WebApplication Build(string[] args)
    {
        // Content root is the app's folder so appsettings.json is found whatever directory it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var configuration = builder.Configuration;
        var services = builder.Services;

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var gatewaySection = configuration.GetSection(GatewayOptions.SectionName);
        var gateway = gatewaySection.Get<GatewayOptions>() ?? new GatewayOptions();
        gateway.EnsureValid();
        var signingKey = TokenSigningKey.Resolve(gateway.TokenSigningKey, inCluster: database.IsPostgres);

        builder.Logging.KeepTokensOutOfLogs();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes);

        services.AddPlatformStore(configuration);
        builder.AddSyncHireSilo();
        var adminPort = OperatorDashboard.AddAdminListener(builder);
        services.AddInterviewGrains(configuration);
        // The interviewers this process can run: each plugin registers itself under its own name and binds its
        // Providers:<name> section; one without a key stays registered but is passed over.
        services.AddOfflineInterviewer();
        services.AddOpenAIRealtimeProvider();
        services.AddGeminiLiveProvider();
        services.AddPipelineProvider();
        services.AddTranscriptRetention(configuration);

        services.Configure<GatewayOptions>(gatewaySection);
        services.AddSingleton(signingKey);
        services.AddSingleton<CandidateTokenService>();
        services.AddSingleton<ActiveCandidateConnections>();
        services.AddSingleton<CandidateRelay>();
        services.AddGatewayProblemDetails();
        services.AddTenantAuthentication(configuration);
        services.AddTenantLimits(configuration);
        services.AddSelfServeAddressLimit(configuration);
        services.AddInterviewErasure();
        services.AddSingleton<TenantInterviewAccess>();
        var corsOrigins = CrossOriginSetup.ReadOrigins(configuration);
        services.AddGatewayCors(corsOrigins);
        services.AddGatewayOpenApi();
        services.AddVideoRooms(configuration);
        services.AddGatewayMetrics(configuration);
        services.AddCvUploads(configuration);
        services.AddInvitations(configuration);
        services.AddInterviewEvents(configuration);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var app = builder.Build();
        if (signingKey.IsEphemeral)
        {
            app.Logger.LogWarning(
                "Gateway:TokenSigningKey is not set: candidate tokens are signed with a key generated for this process " +
                "and stop working when it restarts. Set the key to keep them valid across restarts.");
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = gateway.WebSocketKeepAliveInterval });
        if (Directory.Exists(app.Environment.WebRootPath))
        {
            // The candidate web app, when it is deployed beside the gateway (wwwroot).
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        // CORS answers a browser's preflight before the key is asked for; the tenant is known before its rate limit.
        app.UseGatewayCors(corsOrigins);
        app.UseTenantAuthentication();
        app.UseRateLimiter();

        app.MapGatewayOpenApi();
        app.MapInterviewsApi();
        app.MapReportsApi();
        app.MapTranscriptsApi();
        app.MapUsageApi();
        app.MapCvApi();
        app.MapTextModeApi();
        app.MapInvitationsApi();
        app.MapInterviewEventsApi();
        app.MapCandidateSockets();
        app.MapVideoRoomsApi();
        app.MapHealthEndpoints();
        app.MapCandidateWebApp();
        app.MapGatewayMetrics();
        OperatorDashboard.MapDashboard(app, adminPort);

        StartupBanner.LogWhenStarted(app);
        return app;
    }
}
