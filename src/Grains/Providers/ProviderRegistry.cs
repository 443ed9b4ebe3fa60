using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Interview;

namespace SyncHire.Grains.Providers;

/// <summary>
/// Picks the realtime provider an interview talks to. Every registered <see cref="IRealtimeProvider"/> is a
/// candidate; an interview asks for one by name, and anything unknown or not configured here falls back to the
/// configured default and then to the offline interviewer, so an interview always has someone to talk to.
/// </summary>
public sealed class ProviderRegistry
{
    public const string OfflineProviderName = "offline";

    private readonly Dictionary<string, IRealtimeProvider> _providers;
    private readonly string _defaultProvider;
    private readonly ILogger<ProviderRegistry> _logger;

    public ProviderRegistry(IEnumerable<IRealtimeProvider> providers, IOptions<InterviewOptions> options, ILogger<ProviderRegistry> logger)
    {
        _providers = new Dictionary<string, IRealtimeProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            // The last registration of a name wins, as with other DI overrides.
            _providers[provider.Name] = provider;
        }

        _defaultProvider = options.Value.DefaultProvider;
        _logger = logger;
    }

    /// <summary>The names of the providers that can run here.</summary>
    public IReadOnlyList<string> ConfiguredNames =>
        [.. _providers.Values.Where(p => p.IsConfigured).Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The provider for <paramref name="requested"/> (null: the default).</summary>
    public IRealtimeProvider Resolve(string? requested)
    {
        foreach (var name in new[] { requested, _defaultProvider, OfflineProviderName })
        {
            if (name is not null && _providers.TryGetValue(name, out var provider) && provider.IsConfigured)
            {
                if (requested is not null && !string.Equals(name, requested, StringComparison.OrdinalIgnoreCase))
                {
                    _logger.LogWarning("Provider {Requested} is not available here; using {Provider}", requested, provider.Name);
                }

                return provider;
            }
        }

        throw new InvalidOperationException(
            $"No realtime provider is available: neither '{requested ?? _defaultProvider}' nor '{OfflineProviderName}' is registered and configured.");
    }
}
