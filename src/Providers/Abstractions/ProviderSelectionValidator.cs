using Microsoft.Extensions.Options;

namespace SyncHire.Providers;

/// <summary>
/// Stops the host at start when configuration names a provider no plugin registered: a typo in
/// Interviews:DefaultProvider or Interviews:FallbackProvider would otherwise surface only when an interview starts.
/// </summary>
internal sealed class ProviderSelectionValidator(IEnumerable<IRealtimeProvider> providers) : IValidateOptions<ProviderSelectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderSelectionOptions options)
    {
        var registered = providers.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listed = registered.Count == 0 ? "none is registered" : "registered: " + string.Join(", ", registered.Order(StringComparer.Ordinal));
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DefaultProvider))
        {
            failures.Add($"{ProviderSelectionOptions.SectionName}:DefaultProvider must name a provider ({listed}).");
        }
        else if (!registered.Contains(options.DefaultProvider))
        {
            failures.Add($"{ProviderSelectionOptions.SectionName}:DefaultProvider is '{options.DefaultProvider}', which no provider plugin registered ({listed}).");
        }

        if (options.FallbackProvider is { } fallback && !registered.Contains(fallback))
        {
            failures.Add($"{ProviderSelectionOptions.SectionName}:FallbackProvider is '{fallback}', which no provider plugin registered ({listed}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
