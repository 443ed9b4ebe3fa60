using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Webhooks;
using SyncHire.Platform.Hosting;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Grains.Interview;

public static class CompletionServiceCollectionExtensions
{
    /// <summary>
    /// Registers what ending an interview needs on a silo-hosting process: the evaluators (section "Evaluation"),
    /// "Completion" and "Webhooks" settings (validated at start), the platform store (the host's, or the platform's
    /// own registration on the deployment's database) and the <see cref="WebhookDispatcher"/> that drains the outbox.
    /// </summary>
    public static IServiceCollection AddInterviewCompletion(this IServiceCollection services)
    {
        services.AddDatabaseOptions();
        services.AddOptions<CompletionOptions>().BindConfiguration(CompletionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CompletionOptions>, CompletionOptionsValidator>());
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            // Unset AllowPrivateNetworks follows the deployment: allowed on the single node, refused in a cluster.
            .PostConfigure<IOptions<DatabaseOptions>>((webhooks, database) => webhooks.ResolvePrivateNetworks(inCluster: database.Value.IsPostgres))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());

        services.AddInterviewEvaluation();
        services.AddPlatformStore();
        services.TryAddSingleton(sp => new InterviewCompletionServices(
            sp.GetRequiredService<IInterviewIndex>(),
            sp.GetRequiredService<IUsageLedger>(),
            sp.GetRequiredService<IWebhookOutbox>(),
            sp.GetRequiredService<IInterviewEvaluator>(),
            sp.GetRequiredService<OfflineInterviewEvaluator>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value,
            sp.GetRequiredService<IOptions<CompletionOptions>>().Value));
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
                var options = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
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
}
