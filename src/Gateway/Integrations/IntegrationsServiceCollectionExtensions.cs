using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using SyncHire.Gateway.Integrations.LiveKit;
using SyncHire.Gateway.Integrations.StreamVideo;
using SyncHire.Gateway.Integrations.Tavus;

namespace SyncHire.Gateway.Integrations;

public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>
    /// LiveKit token signing and the Stream Video and Tavus REST clients, each configured from its own section.
    /// Registered always; each stays unused (its endpoints answer integration_not_configured) until its keys are set.
    /// LiveKit has no client: its tokens are only signed, and LiveKit creates a room when its first participant joins.
    /// </summary>
    public static IServiceCollection AddVideoRoomIntegrations(this IServiceCollection services)
    {
        services.AddOptions<LiveKitOptions>().BindConfiguration(LiveKitOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveKitOptions>, LiveKitOptionsValidator>());
        services.AddSingleton<LiveKitTokenIssuer>();

        services.AddOptions<StreamVideoOptions>().BindConfiguration(StreamVideoOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamVideoOptions>, StreamVideoOptionsValidator>());
        services.AddRestClient<IStreamVideoApi, StreamServerAuthentication, StreamVideoOptions>("Stream Video", o => (o.BaseUrl, o.Timeout));

        services.AddOptions<TavusOptions>().BindConfiguration(TavusOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TavusOptions>, TavusOptionsValidator>());
        services.AddRestClient<ITavusApi, TavusApiKeyAuthentication, TavusOptions>("Tavus", o => (o.BaseUrl, o.Timeout));
        return services;
    }

    /// <summary>
    /// A Refit client for <typeparamref name="TApi"/>, authenticated by <typeparamref name="TAuthentication"/>, behind
    /// the standard resilience pipeline set to what the clients did before it: one attempt, bounded by the service's
    /// timeout. No retries, because the creates are not idempotent (a retried Tavus create opens and bills a second
    /// conversation) and the platform already gets a 502 it can retry. The pipeline's circuit breaker and rate limiter
    /// stay at their defaults, so a service that keeps failing is not called for a while.
    /// </summary>
    private static void AddRestClient<TApi, TAuthentication, TOptions>(
        this IServiceCollection services, string service, Func<TOptions, (Uri BaseUrl, TimeSpan Timeout)> endpointOf)
        where TApi : class
        where TAuthentication : DelegatingHandler
        where TOptions : class
    {
        (Uri BaseUrl, TimeSpan Timeout) endpoint(IServiceProvider sp) => endpointOf(sp.GetRequiredService<IOptions<TOptions>>().Value);

        services.AddTransient<TAuthentication>();
        services.AddRefitGeneratedClient<TApi>(IntegrationRefitSettings.For(service))
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = endpoint(sp).BaseUrl;
                // The pipeline's timeout governs; HttpClient's own 100 s would cut a longer configured one short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<TAuthentication>()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                var timeout = endpoint(sp).Timeout;
                resilience.TotalRequestTimeout.Timeout = timeout;
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                // The breaker's window must be at least two attempts long (the options' own validation).
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(
                    Math.Max(resilience.CircuitBreaker.SamplingDuration.Ticks, 2 * timeout.Ticks));
            });
    }
}
