using SyncHire.Gateway.Candidates;
using SyncHire.Gateway.Cv;
using SyncHire.Gateway.Events;
using SyncHire.Gateway.Health;
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
using SyncHire.Platform.Retention;

namespace SyncHire.Gateway.Hosting;

/// <summary>The gateway's own surface: the REST API, the candidate sockets, the web app and their services.</summary>
public static class GatewayApiExtensions
{
    public static IServiceCollection AddGatewayApi(this IServiceCollection services)
    {
        services.AddCandidateTokens();
        services.AddSingleton<ActiveCandidateConnections>();
        services.AddSingleton<CandidateRelay>();
        services.AddTenantAuthentication();
        services.AddTenantLimits();
        services.AddGatewayCors();
        services.AddInterviewErasure();
        services.AddSingleton<TenantInterviewAccess>();
        services.AddGatewayOpenApi();
        services.AddVideoRooms();
        services.AddGatewayMetrics();
        services.AddCvUploads();
        services.AddInvitations();
        services.AddInterviewEvents();
        return services;
    }

    public static WebApplication MapGatewayApi(this WebApplication app)
    {
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
        app.StartGatewayMetricSeries();
        return app;
    }
}
