using Microsoft.Extensions.Options;

namespace SyncHire.Platform.Retention;

/// <summary>Refuses to start on a retention or sweep interval that makes no sense, naming the setting.</summary>
public sealed class TranscriptRetentionOptionsValidator : IValidateOptions<TranscriptRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, TranscriptRetentionOptions options)
    {
        List<string> failures = [];
        if (options.TranscriptRetention < TimeSpan.Zero)
        {
            failures.Add($"{TranscriptRetentionOptions.RetentionKey} must be a duration such as 90.00:00:00 (days.hours:minutes:seconds), or 0 to turn it off; got {options.TranscriptRetention}.");
        }

        if (options.RetentionSweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{TranscriptRetentionOptions.SweepIntervalKey} must be a positive duration such as 01:00:00; got {options.RetentionSweepInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
