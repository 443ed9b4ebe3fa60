using Microsoft.Extensions.Options;
using SyncHire.Gateway.Integrations.LiveKit;
using SyncHire.Gateway.Integrations.StreamVideo;
using SyncHire.Gateway.Integrations.Tavus;

namespace SyncHire.Gateway.Integrations;

public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>
    /// LiveKit token signing and the Stream Video and Tavus REST clients, each configured from its own section.
    /// Registered always; each stays unused (its endpoints answer integration_not_configured) until its keys are set.
    /// </summary>
    public static IServiceCollection AddVideoRoomIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveKitOptions>(configuration.GetSection(LiveKitOptions.SectionName));
        services.AddSingleton<LiveKitTokenIssuer>();

        services.Configure<StreamVideoOptions>(configuration.GetSection(StreamVideoOptions.SectionName));
        services.AddHttpClient<IStreamVideoApi, StreamVideoApi>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<StreamVideoOptions>>().Value;
            http.BaseAddress = options.BaseUrl;
            http.Timeout = options.Timeout;
        });

        services.AddOptions<TavusOptions>()
            .Bind(configuration.GetSection(TavusOptions.SectionName))
            .Validate(options => options.IsValid, "Tavus:ApiKey is set but neither Tavus:ReplicaId nor Tavus:PersonaId: a conversation needs a face.")
            .Validate(options => options.HasUsableDailyJsUrl, "Tavus:DailyJsUrl must be an absolute https URL.")
            .ValidateOnStart();
        services.AddHttpClient<ITavusApi, TavusApi>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<TavusOptions>>().Value;
            http.BaseAddress = options.BaseUrl;
            http.Timeout = options.Timeout;
        });
        return services;
    }
}
