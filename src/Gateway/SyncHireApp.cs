using SyncHire.Gateway.Hosting;
using SyncHire.Grains;
using SyncHire.Platform.Hosting;
using SyncHire.Providers.Gemini;
using SyncHire.Providers.Offline;
using SyncHire.Providers.OpenAI;
using SyncHire.Providers.Pipeline;
using SyncHire.Platform.Retention;
using SyncHire.ServiceDefaults;
using SyncHire.Silo.Hosting;

namespace SyncHire.Gateway;

/// <summary>
/// The whole SyncHire process, composed in one place: the REST API, the candidate sockets and the web app, co-hosted
/// with an Orleans silo that holds the interview grains. By default a single node (SQLite, localhost clustering,
/// offline interviewer); with Cluster:Storage postgres, one of any number of identical pods of a cluster.
/// Tests start exactly this app on a loopback port. Settings are validated when the app starts.
/// </summary>
public static class SyncHireApp
{
    public static WebApplication Build(string[] args)
    {
        // Content root is the app's folder so appsettings.json is found whatever directory it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        builder.AddGatewayHosting();
        // The platform's tables are migrated (a hosted service) before the silo starts and grains can write to them.
        builder.Services.AddPlatformStore();
        builder.AddSyncHireSilo();
        builder.Services.AddInterviewGrains(builder.Configuration);
        // The interviewers this process can run: each plugin registers itself under its own name and binds its
        // Providers:<name> section; one without a key stays registered but is passed over.
        builder.Services.AddOfflineInterviewer();
        builder.Services.AddOpenAIRealtimeProvider();
        builder.Services.AddGeminiLiveProvider();
        builder.Services.AddPipelineProvider();
        builder.Services.AddTranscriptRetention();
        builder.Services.AddGatewayApi();

        var app = builder.Build();
        app.UseGatewayMiddleware();
        app.MapGatewayApi();
        app.MapDefaultEndpoints();
        app.MapOperatorDashboard();
        StartupBanner.LogWhenStarted(app);
        return app;
    }
}
