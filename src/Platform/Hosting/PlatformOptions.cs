namespace SyncHire.Platform.Hosting;

/// <summary>Configuration section "Platform" (the store itself uses the "Cluster" section's database).</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary>"tenant=key;tenant=key": keys made valid at startup (see <see cref="Tenants.BootstrapApiKeys"/>).</summary>
    public string? BootstrapApiKeys { get; set; }
}
