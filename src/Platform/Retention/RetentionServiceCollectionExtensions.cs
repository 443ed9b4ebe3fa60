using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
    /// process that hosts interviews. Throws <see cref="InvalidOperationException"/> for a malformed
    /// "Platform:TranscriptRetention" or "Platform:RetentionSweepInterval".
    /// </summary>
    public static IServiceCollection AddTranscriptRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInterviewErasure();
        services.AddSingleton(TranscriptRetentionOptions.Read(configuration));
        services.AddSingleton<TranscriptRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TranscriptRetentionJob>());
        return services;
    }
}
