namespace SyncHire.Platform.Tenants;

/// <summary>One entry of "Platform:BootstrapApiKeys".</summary>
public sealed record BootstrapApiKey(string TenantId, string PlaintextKey);

/// <summary>
/// Parses "Platform:BootstrapApiKeys": <c>tenant=key;tenant=key</c>. For development, tests and operators who
/// provision keys from a secret store rather than through the API.
/// </summary>
public static class BootstrapApiKeys
{
    /// <summary>The entries in order; empty for null or blank. Throws <see cref="FormatException"/> naming the bad
    /// entry by position and tenant, never echoing a key (configuration errors end up in logs).</summary>
    public static IReadOnlyList<BootstrapApiKey> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var entries = new List<BootstrapApiKey>();
        var position = 0;
        foreach (var raw in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            position++;
            var separator = raw.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == raw.Length - 1)
            {
                throw new FormatException($"Platform:BootstrapApiKeys entry {position} is not 'tenant=key'.");
            }

            var tenantId = raw[..separator].Trim();
            var key = raw[(separator + 1)..].Trim();
            if (!TenantIds.IsValid(tenantId))
            {
                throw new FormatException($"Platform:BootstrapApiKeys entry {position}: '{tenantId}' is not a valid tenant id ({TenantIds.Rule}).");
            }

            if (key.Length < ApiKeyFormat.MinBootstrapLength || key.Length > ApiKeyFormat.MaxPresentedLength || key.Any(char.IsWhiteSpace))
            {
                throw new FormatException(
                    $"Platform:BootstrapApiKeys entry {position} (tenant '{tenantId}'): the key must be {ApiKeyFormat.MinBootstrapLength}–{ApiKeyFormat.MaxPresentedLength} characters without spaces.");
            }

            entries.Add(new BootstrapApiKey(tenantId, key));
        }

        return entries;
    }
}
