using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Events;

/// <summary>Refuses to start on event-stream settings that would close every stream at once, naming the setting.</summary>
public sealed class InterviewEventsOptionsValidator : IValidateOptions<InterviewEventsOptions>
{
    private const string Section = InterviewEventsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, InterviewEventsOptions options)
    {
        List<string> failures = [];
        if (options.KeepAliveInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(InterviewEventsOptions.KeepAliveInterval)} must be positive.");
        }

        if (options.MaxConsecutiveFailures < 1)
        {
            failures.Add($"{Section}:{nameof(InterviewEventsOptions.MaxConsecutiveFailures)} must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
