using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Providers;

namespace SyncHire.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the interview grain and what it needs: its options (section "Interviews") and the provider
    /// registry. The provider plugins are the host's choice: it adds them (services.AddOfflineInterviewer(),
    /// AddOpenAIRealtimeProvider(), …), and the registry checks at start that the configured providers are among them.
    /// </summary>
    public static IServiceCollection AddInterviewGrains(this IServiceCollection services, IConfiguration configuration)
    {
        // Orleans finds the grain classes itself; these are what the interview grain and the socket relay share.
        services.TryAddSingleton<LocalCandidateConnections>();
        services.TryAddSingleton<CandidateConnector>();
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InterviewOptions>, InterviewOptionsValidator>());

        services.AddRealtimeProviderRegistry();

        // What an ended interview leaves the platform: the index row, usage, the report and the completion webhook.
        services.AddInterviewCompletion();
        return services;
    }
}
