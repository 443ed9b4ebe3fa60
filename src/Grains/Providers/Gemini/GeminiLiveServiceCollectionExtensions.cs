using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHire.Grains.Providers.Gemini;

public static class GeminiLiveServiceCollectionExtensions
{
    /// <summary>Registers the Gemini Live provider ("gemini") with its options bound from "Providers:Gemini".</summary>
    public static IServiceCollection AddGeminiLiveProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GeminiLiveOptions>()
            .Bind(configuration.GetSection(GeminiLiveOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ApiKey))
                {
                    o.ApiKey = Environment.GetEnvironmentVariable(GeminiLiveOptions.ApiKeyEnvironmentVariable);
                }
            })
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss",
                "Providers:Gemini:Endpoint must be an absolute ws:// or wss:// address.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Model), "Providers:Gemini:Model must name a Live model.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Voice), "Providers:Gemini:Voice must name a prebuilt voice.")
            .Validate(o => o.ResumeAttempts >= 1, "Providers:Gemini:ResumeAttempts must be at least 1.")
            .Validate(o => o.ConnectTimeout > TimeSpan.Zero, "Providers:Gemini:ConnectTimeout must be positive.")
            .Validate(o => o.ResumeBackoff >= TimeSpan.Zero, "Providers:Gemini:ResumeBackoff must not be negative.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRealtimeProvider, GeminiLiveProvider>());
        return services;
    }
}
