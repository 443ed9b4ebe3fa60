using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Limits;

/// <summary>Refuses to start on a negative limit, naming the setting and what 0 means instead.</summary>
public sealed class TenantLimitOptionsValidator : IValidateOptions<TenantLimitOptions>
{
    private const string Section = TenantLimitOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TenantLimitOptions options)
    {
        List<string> failures = [];
        var rateLimit = $"{Section}:{nameof(TenantLimitOptions.RateLimit)}";
        if (options.RateLimit.PermitsPerMinute < 0)
        {
            failures.Add($"{rateLimit}:{nameof(RateLimitSettings.PermitsPerMinute)} must not be negative (0 turns the limit off).");
        }

        if (options.RateLimit.Burst < 0)
        {
            failures.Add($"{rateLimit}:{nameof(RateLimitSettings.Burst)} must not be negative (0: as many as PermitsPerMinute).");
        }

        if (options.MaxConcurrentInterviews < 0)
        {
            failures.Add($"{Section}:{nameof(TenantLimitOptions.MaxConcurrentInterviews)} must not be negative (0 turns the quota off).");
        }

        if (options.SelfServe.InterviewsPerHourPerAddress < 0)
        {
            failures.Add($"{Section}:{nameof(TenantLimitOptions.SelfServe)}:{nameof(SelfServeSettings.InterviewsPerHourPerAddress)} must not be negative (0 turns the limit off).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
