using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Evaluation;

/// <summary>Refuses to start with settings the evaluator cannot run with, naming the setting (never the key).</summary>
public sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationOptions options)
    {
        List<string> failures = [];
        void Require(bool condition, string setting, string rule)
        {
            if (!condition)
            {
                failures.Add($"{EvaluationOptions.SectionName}:{setting} {rule}.");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.Model), nameof(options.Model), "must name a model");
        Require(options.MaxAttempts is >= 1 and <= 10, nameof(options.MaxAttempts), "must be within 1..10");
        Require(options.RetryDelay >= TimeSpan.Zero && options.RetryDelay <= TimeSpan.FromSeconds(30), nameof(options.RetryDelay), "must be within 0..30 s");
        Require(options.RequestTimeout > TimeSpan.Zero, nameof(options.RequestTimeout), "must be positive");
        Require(options.MaxTranscriptCharacters is >= 2_000 and <= 400_000, nameof(options.MaxTranscriptCharacters), "must be within 2000..400000");
        Require(options.Temperature is >= 0 and <= 2, nameof(options.Temperature), "must be within 0..2");
        Require(options.MaxOutputTokens is >= 500 and <= 16_000, nameof(options.MaxOutputTokens), "must be within 500..16000");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
