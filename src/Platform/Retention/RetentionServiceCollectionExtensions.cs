using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Platform.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="InterviewEraser"/> (needs the grain runtime and <c>AddPlatformStore</c>). Every process that
    /// serves DELETE /api/interviews/{id} registers it.
    /// </summary>
    public static IServiceCollection AddInterviewErasure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InterviewEraser>();
        return services;
    }

    /// <summary>
    /// Adds the retention purge (<see cref="TranscriptRetentionJob"/>, also resolvable to trigger a sweep) on a
    /// process that hosts interviews. A malformed "Platform:TranscriptRetention" or "Platform:RetentionSweepInterval"
    /// fails the start.
    /// </summary>
    public static IServiceCollection AddTranscriptRetention(this IServiceCollection services)
    {
        services.AddInterviewErasure();
        services.AddOptions<TranscriptRetentionOptions>().BindConfiguration(TranscriptRetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranscriptRetentionOptions>, TranscriptRetentionOptionsValidator>());
        services.AddSingleton<TranscriptRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TranscriptRetentionJob>());
        return services;
    }
}
