using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Webhooks;
using SyncHire.Platform;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Storage.Sql;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;
using SyncHire.Platform.Hosting;

namespace SyncHire.Grains.Interview;

public static class CompletionServiceCollectionExtensions
{
    /// <summary>
    /// Registers what ending an interview needs on a silo-hosting process: the evaluators (section "Evaluation"),
    /// "Completion" and "Webhooks" settings, and the <see cref="WebhookDispatcher"/> that drains the outbox. Bad
    /// settings fail here, at startup.
    /// </summary>
    public static IServiceCollection AddInterviewCompletion(this IServiceCollection services, IConfiguration configuration)
    {
        var completion = configuration.GetSection(CompletionOptions.SectionName).Get<CompletionOptions>() ?? new CompletionOptions();
        completion.Validate();
        var webhooks = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        webhooks.Validate();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        webhooks.ResolvePrivateNetworks(inCluster: database.IsPostgres);

        services.AddInterviewEvaluation(configuration);
        services.TryAddSingleton(completion);
        services.TryAddSingleton(webhooks);
        AddPlatformStoreUnlessPresent(services);
        services.TryAddSingleton(sp => new InterviewCompletionServices(
            sp.GetRequiredService<IInterviewIndex>(),
            sp.GetRequiredService<IUsageLedger>(),
            sp.GetRequiredService<IWebhookOutbox>(),
            sp.GetRequiredService<IInterviewEvaluator>(),
            sp.GetRequiredService<OfflineInterviewEvaluator>(),
            sp.GetRequiredService<WebhookOptions>(),
            sp.GetRequiredService<CompletionOptions>()));
        AddWebhookClient(services);
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }

    /// <summary>
    /// The dispatcher's HttpClient. Its connect step is <see cref="PublicAddressConnector"/>, so every address it
    /// connects to is checked after DNS resolution; for the same reason it connects directly, never through an
    /// HTTP(S)_PROXY (the check would see only the proxy). Retries are the outbox's (durable, across silos), so the
    /// client adds none of its own; and its request logging is off, since a receiver's URL may carry its secrets.
    /// </summary>
    private static void AddWebhookClient(IServiceCollection services)
    {
        services.TryAddSingleton<PublicAddressConnector>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<WebhookOptions>();
                return new SocketsHttpHandler
                {
                    // A receiver's redirect is not followed: the signed request goes only where the platform said.
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    ConnectTimeout = options.RequestTimeout,
                    ConnectCallback = sp.GetRequiredService<PublicAddressConnector>().ConnectAsync,
                };
            })
            .RemoveAllLoggers();
    }

    /// <summary>
    /// Hosts call AddPlatformStore before AddInterviewGrains and keep theirs. A host that hosts grains without it (a
    /// bare test silo) gets the store on the deployment's database, from the registered <see cref="DatabaseOptions"/>.
    /// </summary>
    private static void AddPlatformStoreUnlessPresent(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IPlatformStore)))
        {
            return;
        }

        services.AddSingleton<IPlatformStore>(sp =>
        {
            var database = sp.GetRequiredService<DatabaseOptions>();
            return new SqlPlatformStore(database.Storage, database.ConnectionString);
        });
        services.TryAddSingleton<IInterviewIndex>(sp => sp.GetRequiredService<IPlatformStore>());
        services.TryAddSingleton<IUsageLedger>(sp => sp.GetRequiredService<IPlatformStore>());
        services.TryAddSingleton<IWebhookOutbox>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddHostedService<PlatformTablesInitializer>();
    }
}
