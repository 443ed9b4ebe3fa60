using SyncHire.Platform.Hosting;

namespace SyncHire.Gateway.Tenants;

/// <summary>The gateway's part of the "Platform" section: who a request without an API key acts as.</summary>
public sealed class TenantAccessOptions
{
    public const string SectionName = PlatformOptions.SectionName;

    /// <summary>
    /// The tenant of requests that carry no API key (created on first use); null or empty: every platform request
    /// needs a key. A single-node dev system sets it so the README's curl examples work without a key; a cluster
    /// reachable by others leaves it empty. A presented but invalid key is refused either way.
    /// </summary>
    public string? AnonymousTenant { get; set; }
}
