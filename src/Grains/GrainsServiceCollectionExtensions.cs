using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHire.Grains.Audio.Speech;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Providers;
using SyncHire.Grains.Providers.Offline;
using SyncHire.Runtime.Hosting;

namespace SyncHire.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the interview grain and what it needs: its options (section "Interviews"), the provider registry
    /// and the offline interviewer with the best voice this machine has. Other providers register themselves as
    /// further <see cref="IRealtimeProvider"/>s; the registry finds them.
    /// </summary>
    public static IServiceCollection AddInterviewGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGrain<IInterviewGrain, InterviewGrain>();
        services.AddOptions<InterviewOptions>()
            .Bind(configuration.GetSection(InterviewOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultProvider), "Interviews:DefaultProvider must name a provider.")
            .Validate(o => o.TimeWarningLead > TimeSpan.Zero, "Interviews:TimeWarningLead must be positive.")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Interviews:IdleTimeout must be positive.")
            .Validate(o => o.MaxAudioFrameBytes >= 2 && o.MaxAudioFrameBytes % 2 == 0,
                "Interviews:MaxAudioFrameBytes must be an even number of at least 2.")
            .ValidateOnStart();

        services.TryAddSingleton<ProviderRegistry>();
        services.TryAddSingleton<ITextToSpeech>(_ => TextToSpeechFactory.CreateDefault());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRealtimeProvider, OfflineInterviewerProvider>());
        return services;
    }
}
