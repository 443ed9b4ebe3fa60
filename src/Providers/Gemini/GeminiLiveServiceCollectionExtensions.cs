using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Gemini;

public static class GeminiLiveServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Gemini Live provider ("gemini") with its options bound from "Providers:Gemini" (the key falling
    /// back to GEMINI_API_KEY) and validated at startup.
    /// </summary>
    public static IServiceCollection AddGeminiLiveProvider(this IServiceCollection services)
    {
        services.AddOptions<GeminiLiveOptions>()
            .BindConfiguration(GeminiLiveOptions.SectionName)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ApiKey))
                {
                    o.ApiKey = Environment.GetEnvironmentVariable(GeminiLiveOptions.ApiKeyEnvironmentVariable);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiLiveOptions>, GeminiLiveOptionsValidator>());
        return services.AddRealtimeProvider<GeminiLiveProvider>();
    }
}
