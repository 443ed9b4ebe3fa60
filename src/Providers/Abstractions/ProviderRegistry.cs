using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers;

/// <summary>
/// The registered provider plugins: the only list of provider names there is. An interview asks for one by name;
/// anything unknown or not configured here falls back to the configured default and then to the first configured
/// plugin in registration order, so an interview always has someone to talk to. Configuration naming a provider no
/// plugin registered stops the host at start (<see cref="ProviderSelectionValidator"/>).
/// </summary>
public sealed class ProviderRegistry
{
    private readonly List<IRealtimeProvider> _providers = [];
    private readonly Dictionary<string, IRealtimeProvider> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ProviderSelectionOptions _selection;
    private readonly ILogger _logger;

    public ProviderRegistry(IEnumerable<IRealtimeProvider> providers, IOptions<ProviderSelectionOptions> options, ILogger<ProviderRegistry>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers)
        {
            // The last registration of a name wins, as with other DI overrides.
            if (_byName.TryGetValue(provider.Name, out var replaced))
            {
                _providers.Remove(replaced);
            }

            _byName[provider.Name] = provider;
            _providers.Add(provider);
        }

        _selection = options.Value;
        _logger = logger ?? NullLogger<ProviderRegistry>.Instance;
    }

    /// <summary>Every registered provider's name, configured here or not: what an interview may ask for.</summary>
    public IReadOnlyList<string> Names => [.. _byName.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The names of the providers that can run here.</summary>
    public IReadOnlyList<string> ConfiguredNames =>
        [.. _providers.Where(p => p.IsConfigured).Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The provider interviews that name none use (validated at start to be registered).</summary>
    public string DefaultName => _selection.DefaultProvider
        ?? throw new InvalidOperationException($"{ProviderSelectionOptions.SectionName}:DefaultProvider is not set.");

    /// <summary>The provider to fail over to, if configured.</summary>
    public string? FallbackName => _selection.FallbackProvider;

    /// <summary>Whether a plugin registered <paramref name="name"/> (case-insensitive).</summary>
    public bool IsRegistered(string name) => _byName.ContainsKey(name);

    /// <summary>The one provider for <paramref name="requested"/> (null: the default), without failover.</summary>
    public IRealtimeProvider Resolve(string? requested)
    {
        var provider = Find(requested) ?? Find(_selection.DefaultProvider) ?? _providers.FirstOrDefault(p => p.IsConfigured)
            ?? throw new InvalidOperationException(
                $"No realtime provider is available: '{requested ?? _selection.DefaultProvider}' is not registered and configured, and no other provider is configured.");
        if (requested is not null && !string.Equals(provider.Name, requested, StringComparison.OrdinalIgnoreCase))
        {
            ProviderCoreLog.Substituted(_logger, requested, provider.Name);
        }

        return provider;
    }

    /// <summary>
    /// The provider for <paramref name="requested"/>, wrapped in a <see cref="FallbackRealtimeProvider"/> over it and
    /// the configured fallback when there is one (and it is another provider); otherwise the provider itself.
    /// </summary>
    public IRealtimeProvider ResolveWithFallback(string? requested)
    {
        var primary = Resolve(requested);
        if (_selection.FallbackProvider is not { } fallbackName
            || !_byName.TryGetValue(fallbackName, out var fallback)
            || ReferenceEquals(fallback, primary))
        {
            return primary;
        }

        return new FallbackRealtimeProvider([primary, fallback], _logger);
    }

    private IRealtimeProvider? Find(string? name) =>
        name is not null && _byName.TryGetValue(name, out var provider) && provider.IsConfigured ? provider : null;
}
