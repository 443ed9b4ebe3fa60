using Microsoft.Extensions.Options;

namespace SyncHire.Providers.OpenAI;

/// <summary>Refuses to start with OpenAI Realtime settings out of range, naming the setting.</summary>
public sealed class OpenAIRealtimeOptionsValidator : IValidateOptions<OpenAIRealtimeOptions>
{
    private const string Section = OpenAIRealtimeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OpenAIRealtimeOptions options)
    {
        List<string> failures = [];
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http" or "wss" or "ws"))
        {
            failures.Add($"{Section}:Endpoint must be an absolute http(s) or ws(s) URL; got '{options.Endpoint}'.");
        }
        else if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            // Keys belong in ApiKey: a URL is logged and shown, a key must never be.
            failures.Add($"{Section}:Endpoint must not carry a query string or credentials; put the key in {Section}:ApiKey.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{Section}:Model must name a realtime model.");
        }

        if (string.IsNullOrWhiteSpace(options.Voice))
        {
            failures.Add($"{Section}:Voice must name a voice.");
        }

        if (options.Temperature is < 0.3 or > 0.6 || double.IsNaN(options.Temperature))
        {
            failures.Add($"{Section}:Temperature must be between 0.3 and 0.6; got {options.Temperature}.");
        }

        if (options.MaxOutputTokens is < 1 or > 4096)
        {
            failures.Add($"{Section}:MaxOutputTokens must be between 1 and 4096; got {options.MaxOutputTokens}.");
        }

        var detection = options.TurnDetection;
        if (detection is null)
        {
            failures.Add($"{Section}:TurnDetection must be set.");
        }
        else
        {
            if (detection.Threshold is < 0 or > 1 || double.IsNaN(detection.Threshold))
            {
                failures.Add($"{Section}:TurnDetection:Threshold must be between 0 and 1; got {detection.Threshold}.");
            }

            if (detection.PrefixPaddingMs is < 0 or > 10_000)
            {
                failures.Add($"{Section}:TurnDetection:PrefixPaddingMs must be between 0 and 10000; got {detection.PrefixPaddingMs}.");
            }

            if (detection.SilenceDurationMs is < 1 or > 10_000)
            {
                failures.Add($"{Section}:TurnDetection:SilenceDurationMs must be between 1 and 10000; got {detection.SilenceDurationMs}.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.InputTranscriptionModel))
        {
            failures.Add($"{Section}:InputTranscriptionModel must name a transcription model (input transcription is always on).");
        }

        if (options.MaxSessionDuration <= TimeSpan.Zero || options.MaxSessionDuration > TimeSpan.FromMinutes(60))
        {
            failures.Add($"{Section}:MaxSessionDuration must be positive and at most 60 minutes (OpenAI's own limit); got {options.MaxSessionDuration}.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ConnectTimeout must be positive; got {options.ConnectTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
