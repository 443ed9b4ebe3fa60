using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Events;

public static class InterviewEventsServiceCollectionExtensions
{
    /// <summary>The live event streams (section "Events"), checked at startup.</summary>
    public static IServiceCollection AddInterviewEvents(this IServiceCollection services)
    {
        services.AddOptions<InterviewEventsOptions>().BindConfiguration(InterviewEventsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InterviewEventsOptions>, InterviewEventsOptionsValidator>());
        services.AddSingleton<InterviewEventStream>();
        return services;
    }
}
