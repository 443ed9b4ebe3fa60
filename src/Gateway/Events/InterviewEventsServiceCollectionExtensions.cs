namespace SyncHire.Gateway.Events;

public static class InterviewEventsServiceCollectionExtensions
{
    /// <summary>The live event streams (section "Events"), checked at startup.</summary>
    public static IServiceCollection AddInterviewEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InterviewEventsOptions>()
            .Bind(configuration.GetSection(InterviewEventsOptions.SectionName))
            .Validate(o => o.KeepAliveInterval > TimeSpan.Zero, "Events:KeepAliveInterval must be positive.")
            .Validate(o => o.MaxConsecutiveFailures >= 1, "Events:MaxConsecutiveFailures must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<InterviewEventStream>();
        return services;
    }
}
