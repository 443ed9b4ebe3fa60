using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Gemini;

/// <summary>Bad Gemini settings stop the host at start; a missing key only leaves the provider unconfigured.</summary>
internal sealed class GeminiLiveOptionsValidator : IValidateOptions<GeminiLiveOptions>
{
    private const string Section = GeminiLiveOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GeminiLiveOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            failures.Add($"{Section}:Endpoint must be an absolute ws:// or wss:// address.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{Section}:Model must name a Live model.");
        }

        if (string.IsNullOrWhiteSpace(options.Voice))
        {
            failures.Add($"{Section}:Voice must name a prebuilt voice.");
        }

        if (options.ResumeAttempts < 1)
        {
            failures.Add($"{Section}:ResumeAttempts must be at least 1.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ConnectTimeout must be positive.");
        }

        if (options.ResumeBackoff < TimeSpan.Zero)
        {
            failures.Add($"{Section}:ResumeBackoff must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
