using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers;

public static class RealtimeProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers a provider plugin (its name is <see cref="IRealtimeProvider.Name"/>) and, once, the
    /// <see cref="ProviderRegistry"/> that selects among them. Each plugin's own AddXxxProvider calls this after
    /// binding its options; a third party does the same, touching no core file.
    /// </summary>
    public static IServiceCollection AddRealtimeProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, IRealtimeProvider
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRealtimeProviderRegistry();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRealtimeProvider, TProvider>());
        return services;
    }

    /// <summary>
    /// Registers the <see cref="ProviderRegistry"/> with its <see cref="ProviderSelectionOptions"/> (section
    /// "Interviews"), validated against the registered plugins at start. Idempotent.
    /// </summary>
    public static IServiceCollection AddRealtimeProviderRegistry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ProviderRegistry)))
        {
            return services;
        }

        services.AddOptions<ProviderSelectionOptions>()
            .BindConfiguration(ProviderSelectionOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderSelectionOptions>, ProviderSelectionValidator>());
        services.AddSingleton<ProviderRegistry>();
        return services;
    }
}
