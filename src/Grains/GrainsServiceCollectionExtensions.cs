using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Audio.Speech;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Providers;
using SyncHire.Grains.Providers.Gemini;
using SyncHire.Grains.Providers.Offline;
using SyncHire.Grains.Providers.OpenAI;
using SyncHire.Grains.Providers.Pipeline;

namespace SyncHire.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the interview grain and what it needs: its options (section "Interviews"), the provider registry,
    /// the offline interviewer with the best voice this machine has, and the realtime provider plugins (sections
    /// "Providers:OpenAI", "Providers:Gemini", "Providers:Pipeline"), each usable once its key is configured.
    /// </summary>
    public static IServiceCollection AddInterviewGrains(this IServiceCollection services, IConfiguration configuration)
    {
        // Orleans finds the grain classes itself; these are what the interview grain and the socket relay share.
        services.TryAddSingleton<LocalCandidateConnections>();
        services.TryAddSingleton<CandidateConnector>();
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InterviewOptions>, InterviewOptionsValidator>());

        services.TryAddSingleton<ProviderRegistry>();
        services.TryAddSingleton<ITextToSpeech>(_ => TextToSpeechFactory.CreateDefault());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRealtimeProvider, OfflineInterviewerProvider>());

        // Each real provider is a plugin: configured with a key it becomes selectable, otherwise it stays dormant.
        services.AddOpenAIRealtimeProvider(configuration);
        services.AddGeminiLiveProvider(configuration);
        services.AddPipelineProvider(configuration);

        // What an ended interview leaves the platform: the index row, usage, the report and the completion webhook.
        services.AddInterviewCompletion();
        return services;
    }
}
