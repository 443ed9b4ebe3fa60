using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.OpenAI;

public static class OpenAIRealtimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the OpenAI Realtime provider ("openai") with its options bound from "Providers:OpenAI" (the key
    /// falling back to OPENAI_API_KEY) and validated at startup. Without a key it is registered but not configured,
    /// so the provider registry passes it over.
    /// </summary>
    public static IServiceCollection AddOpenAIRealtimeProvider(this IServiceCollection services)
    {
        services.AddOptions<OpenAIRealtimeOptions>()
            .BindConfiguration(OpenAIRealtimeOptions.SectionName)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ApiKey))
                {
                    options.ApiKey = Environment.GetEnvironmentVariable(OpenAIRealtimeOptions.ApiKeyEnvironmentVariable);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIRealtimeOptions>, OpenAIRealtimeOptionsValidator>());
        return services.AddRealtimeProvider<OpenAIRealtimeProvider>();
    }
}
