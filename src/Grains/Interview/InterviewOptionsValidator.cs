using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Interview;

/// <summary>Refuses to start with interview settings the grain cannot run with, naming the setting.</summary>
public sealed class InterviewOptionsValidator : IValidateOptions<InterviewOptions>
{
    private const string Section = InterviewOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, InterviewOptions options)
    {
        List<string> failures = [];
        if (options.TimeWarningLead <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(InterviewOptions.TimeWarningLead)} must be positive.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(InterviewOptions.IdleTimeout)} must be positive.");
        }

        if (options.MaxAudioFrameBytes < 2 || options.MaxAudioFrameBytes % 2 != 0)
        {
            failures.Add($"{Section}:{nameof(InterviewOptions.MaxAudioFrameBytes)} must be an even number of at least 2.");
        }

        if (options.ProviderReconnectAttempts < 0)
        {
            failures.Add($"{Section}:{nameof(InterviewOptions.ProviderReconnectAttempts)} must not be negative.");
        }

        if (options.ProviderReconnectDelay < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(InterviewOptions.ProviderReconnectDelay)} must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
