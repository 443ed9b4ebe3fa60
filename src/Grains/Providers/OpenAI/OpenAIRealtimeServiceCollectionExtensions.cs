using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Providers.OpenAI;

public static class OpenAIRealtimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the OpenAI Realtime provider with its options bound from "Providers:OpenAI" (the key falling back
    /// to OPENAI_API_KEY) and validated at startup. Without a key it is registered but not configured, so the
    /// provider registry passes it over.
    /// </summary>
    public static IServiceCollection AddOpenAIRealtimeProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpenAIRealtimeOptions>()
            .Bind(configuration.GetSection(OpenAIRealtimeOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ApiKey))
                {
                    options.ApiKey = Environment.GetEnvironmentVariable(OpenAIRealtimeOptions.ApiKeyEnvironmentVariable);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIRealtimeOptions>, OpenAIRealtimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRealtimeProvider, OpenAIRealtimeProvider>());
        return services;
    }
}
