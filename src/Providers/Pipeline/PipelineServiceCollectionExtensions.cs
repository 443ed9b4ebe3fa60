using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the STT→LLM→TTS provider ("pipeline") with its settings from "Providers:Pipeline". Bad settings
    /// stop the host at start-up; a missing key only leaves the provider unconfigured.
    /// </summary>
    public static IServiceCollection AddPipelineProvider(this IServiceCollection services)
    {
        services.AddOptions<PipelineProviderOptions>()
            .BindConfiguration(PipelineProviderOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineProviderOptions>, PipelineProviderOptionsValidator>());
        return services.AddRealtimeProvider<PipelineProvider>();
    }
}
