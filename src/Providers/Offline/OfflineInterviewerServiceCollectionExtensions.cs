using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHire.Audio.Speech;

namespace SyncHire.Providers.Offline;

public static class OfflineInterviewerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the offline interviewer ("offline") with the best voice this machine has (a host may register its
    /// own <see cref="ITextToSpeech"/> first). It needs no key, so it is also the default provider when configuration
    /// names none (Interviews:DefaultProvider).
    /// </summary>
    public static IServiceCollection AddOfflineInterviewer(this IServiceCollection services)
    {
        services.TryAddSingleton<ITextToSpeech>(_ => TextToSpeechFactory.CreateDefault());
        services.AddRealtimeProvider<OfflineInterviewerProvider>();
        services.AddOptions<ProviderSelectionOptions>()
            .PostConfigure(o => o.DefaultProvider ??= OfflineInterviewerProvider.ProviderName);
        return services;
    }
}
