using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Webhooks;

/// <summary>Refuses to start with settings the dispatcher cannot run with, naming the setting (never the secret's value).</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        List<string> failures = [];
        void Require(bool condition, string setting, string rule)
        {
            if (!condition)
            {
                failures.Add($"{WebhookOptions.SectionName}:{setting} {rule}.");
            }
        }

        Require(!options.Enabled || options.SigningSecret!.Length >= WebhookOptions.MinSecretLength, nameof(options.SigningSecret),
            $"must be at least {WebhookOptions.MinSecretLength} characters (or empty to turn webhooks off)");
        Require(options.PollInterval > TimeSpan.Zero, nameof(options.PollInterval), "must be positive");
        Require(options.RequestTimeout > TimeSpan.Zero, nameof(options.RequestTimeout), "must be positive");
        Require(options.Lease > options.RequestTimeout, nameof(options.Lease),
            "must be longer than RequestTimeout, so an attempt ends before another silo may take it over");
        Require(options.MaxAttempts is >= 1 and <= 50, nameof(options.MaxAttempts), "must be within 1..50");
        Require(options.FirstRetryDelay > TimeSpan.Zero && options.FirstRetryDelay <= TimeSpan.FromHours(1), nameof(options.FirstRetryDelay), "must be within 0..1 h");
        Require(options.BatchSize is >= 1 and <= 100, nameof(options.BatchSize), "must be within 1..100");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
