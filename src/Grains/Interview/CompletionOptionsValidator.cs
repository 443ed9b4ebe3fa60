using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Interview;

/// <summary>Refuses to start with a completion retry interval that would hammer or starve the reminder.</summary>
public sealed class CompletionOptionsValidator : IValidateOptions<CompletionOptions>
{
    public ValidateOptionsResult Validate(string? name, CompletionOptions options) =>
        options.RetryInterval < TimeSpan.FromMilliseconds(100) || options.RetryInterval > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"{CompletionOptions.SectionName}:{nameof(CompletionOptions.RetryInterval)} must be within 100 ms..1 h.")
            : ValidateOptionsResult.Success;
}
