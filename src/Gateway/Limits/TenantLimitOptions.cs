using SyncHire.Platform.Hosting;

namespace SyncHire.Gateway.Limits;

/// <summary>Per-tenant limits from the "Platform" section.</summary>
public sealed class TenantLimitOptions
{
    public const string SectionName = PlatformOptions.SectionName;

    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>
    /// Interviews a tenant may have created or in progress at once; creating one more answers 429
    /// interview_quota_exceeded. 0: no quota.
    /// </summary>
    public int MaxConcurrentInterviews { get; set; } = 100;

    public SelfServeSettings SelfServe { get; set; } = new();
}

/// <summary>A token bucket per tenant over every tenant endpoint.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sustained requests per minute per tenant; 0: no rate limit.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests a tenant may make at once after being quiet (the bucket's size); 0: PermitsPerMinute.</summary>
    public int Burst { get; set; } = 100;
}

/// <summary>"Platform:SelfServe": the practice flow without an API key (see <see cref="SelfServeAddressLimit"/>).</summary>
public sealed class SelfServeSettings
{
    /// <summary>Interviews each client address may create per hour without an API key; 0: no limit.</summary>
    public int InterviewsPerHourPerAddress { get; set; } = 60;
}
