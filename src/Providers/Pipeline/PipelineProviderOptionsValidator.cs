using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// Bad pipeline settings stop the host at start, each failure naming the setting (never a secret value); a missing
/// key only leaves the provider unconfigured.
/// </summary>
internal sealed class PipelineProviderOptionsValidator : IValidateOptions<PipelineProviderOptions>
{
    private const string Section = PipelineProviderOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PipelineProviderOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Problems(PipelineProviderOptions options)
    {
        if (options.MaxTokens is < 16 or > 4096)
        {
            yield return $"{Section}:{nameof(options.MaxTokens)} must be within 16..4096.";
        }

        if (options.Temperature is < 0 or > 2 || float.IsNaN(options.Temperature))
        {
            yield return $"{Section}:{nameof(options.Temperature)} must be within 0..2.";
        }

        if (options.Retries is < 0 or > 5)
        {
            yield return $"{Section}:{nameof(options.Retries)} must be within 0..5.";
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromSeconds(10))
        {
            yield return $"{Section}:{nameof(options.RetryDelay)} must be within 0..10 seconds.";
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.RequestTimeout)} must be positive.";
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.TranscriptionModel), options.TranscriptionModel), (nameof(options.ChatModel), options.ChatModel),
            (nameof(options.SpeechModel), options.SpeechModel), (nameof(options.Voice), options.Voice),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{Section}:{setting} must be set.";
            }
        }

        if (options.Endpoint is { } endpoint && !(endpoint.IsAbsoluteUri && endpoint.Scheme is "http" or "https"))
        {
            yield return $"{Section}:{nameof(options.Endpoint)} must be an absolute http(s) URL.";
        }
    }
}
