using SyncHire.Platform.Hosting;

namespace SyncHire.Gateway.Limits;

/// <summary>Per-tenant limits from the "Platform" section.</summary>
public sealed class TenantLimitOptions
{
    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>
    /// Interviews a tenant may have created or in progress at once; creating one more answers 429
    /// interview_quota_exceeded. 0: no quota.
    /// </summary>
    public int MaxConcurrentInterviews { get; set; } = 100;

    public static TenantLimitOptions Bind(IConfiguration configuration)
    {
        var options = new TenantLimitOptions();
        configuration.GetSection(PlatformOptions.SectionName).Bind(options);
        options.EnsureValid();
        return options;
    }

    private void EnsureValid()
    {
        var prefix = $"{PlatformOptions.SectionName}:{nameof(RateLimit)}";
        if (RateLimit.PermitsPerMinute < 0)
        {
            throw new InvalidOperationException($"{prefix}:{nameof(RateLimitSettings.PermitsPerMinute)} must not be negative (0 turns the limit off).");
        }

        if (RateLimit.Burst < 0)
        {
            throw new InvalidOperationException($"{prefix}:{nameof(RateLimitSettings.Burst)} must not be negative (0: as many as PermitsPerMinute).");
        }

        if (MaxConcurrentInterviews < 0)
        {
            throw new InvalidOperationException($"{PlatformOptions.SectionName}:{nameof(MaxConcurrentInterviews)} must not be negative (0 turns the quota off).");
        }
    }
}

/// <summary>A token bucket per tenant over every tenant endpoint.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sustained requests per minute per tenant; 0: no rate limit.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests a tenant may make at once after being quiet (the bucket's size); 0: PermitsPerMinute.</summary>
    public int Burst { get; set; } = 100;
}
