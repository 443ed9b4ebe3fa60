using SyncHire.Platform.Webhooks;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// "Webhooks": signing and delivery of the events platforms receive (interview.completed). Webhooks are off until
/// <see cref="SigningSecret"/> is set; the secret is never logged.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The shared secret receivers verify X-Agent-Signature with. At least 32 characters; empty turns webhooks off.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>How often each silo looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed delivery is this silo's; if the silo dies mid-attempt another claims it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest one POST may take (connect, send, answer). Must be shorter than the lease.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = WebhookBackoff.DefaultMaxAttempts;

    /// <summary>
    /// The wait after the first failed attempt; later waits double (<see cref="WebhookBackoff"/>'s curve, scaled so its
    /// first step is this), capped at one hour at the default.
    /// </summary>
    public TimeSpan FirstRetryDelay { get; set; } = WebhookBackoff.NextAttemptAt(1, DateTimeOffset.UnixEpoch) - DateTimeOffset.UnixEpoch;

    /// <summary>
    /// true: webhooks may go to loopback, private and other non-public addresses (and to http://localhost), which is
    /// how a developer receives them on the single node. false: only public addresses, checked when the interview is
    /// created (a literal IP) and again after DNS resolution when connecting, so a tenant cannot make SyncHire call
    /// into its own network. Unset: true on the single node (Cluster:Storage sqlite), false in a cluster (postgres);
    /// resolved from the deployment's database when the options are built.
    /// </summary>
    public bool? AllowPrivateNetworks { get; set; }

    /// <summary><see cref="AllowPrivateNetworks"/> as resolved at startup (false until then: the safe side).</summary>
    public bool PrivateNetworksAllowed => AllowPrivateNetworks == true;

    /// <summary>Fills an unset <see cref="AllowPrivateNetworks"/> from the deployment: allowed only on the single node.</summary>
    public void ResolvePrivateNetworks(bool inCluster) => AllowPrivateNetworks ??= !inCluster;

    /// <summary>Deliveries one silo attempts at once.</summary>
    public int BatchSize { get; set; } = 10;

    public const int MinSecretLength = 32;

    public bool Enabled => !string.IsNullOrEmpty(SigningSecret);

    /// <summary>When to try again after attempt <paramref name="attempt"/> (1-based) failed at <paramref name="failedAt"/>.</summary>
    public DateTimeOffset NextAttemptAt(int attempt, DateTimeOffset failedAt)
    {
        var standardFirst = WebhookBackoff.NextAttemptAt(1, failedAt) - failedAt;
        var standard = WebhookBackoff.NextAttemptAt(attempt, failedAt) - failedAt;
        return failedAt + standard * (FirstRetryDelay / standardFirst);
    }
}
