using SyncHire.Platform.Hosting;
using SyncHire.Platform.Tenants;

namespace SyncHire.Gateway.Tenants;

/// <summary>The gateway's part of the "Platform" section: who a request without an API key acts as.</summary>
public sealed class TenantAccessOptions
{
    /// <summary>
    /// The tenant of requests that carry no API key (created on first use); null or empty: every platform request
    /// needs a key. A single-node dev system sets it so the README's curl examples work without a key; a cluster
    /// reachable by others leaves it empty. A presented but invalid key is refused either way.
    /// </summary>
    public string? AnonymousTenant { get; set; }

    public static TenantAccessOptions Bind(IConfiguration configuration)
    {
        var options = new TenantAccessOptions();
        configuration.GetSection(PlatformOptions.SectionName).Bind(options);
        options.AnonymousTenant = string.IsNullOrWhiteSpace(options.AnonymousTenant) ? null : options.AnonymousTenant.Trim();
        if (options.AnonymousTenant is not null && !TenantIds.IsValid(options.AnonymousTenant))
        {
            throw new InvalidOperationException($"{PlatformOptions.SectionName}:{nameof(AnonymousTenant)} must be empty or {TenantIds.Rule}.");
        }

        return options;
    }
}
