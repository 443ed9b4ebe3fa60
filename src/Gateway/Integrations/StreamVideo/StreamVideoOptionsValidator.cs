using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>Refuses to start a configured Stream integration whose calls could not work, naming the setting.</summary>
public sealed class StreamVideoOptionsValidator : IValidateOptions<StreamVideoOptions>
{
    private const string Section = StreamVideoOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StreamVideoOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            failures.Add($"{Section}:{nameof(StreamVideoOptions.BaseUrl)} must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(options.CallType) || string.IsNullOrWhiteSpace(options.InterviewerUserId))
        {
            failures.Add($"{Section}:{nameof(StreamVideoOptions.CallType)} and {Section}:{nameof(StreamVideoOptions.InterviewerUserId)} must not be empty.");
        }

        if (options.CandidateTokenLifetime <= TimeSpan.Zero || options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(StreamVideoOptions.CandidateTokenLifetime)} and {Section}:{nameof(StreamVideoOptions.Timeout)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
