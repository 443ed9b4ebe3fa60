using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.Tavus;

/// <summary>Refuses to start a configured Tavus integration that could not open a usable conversation.</summary>
public sealed class TavusOptionsValidator : IValidateOptions<TavusOptions>
{
    public ValidateOptionsResult Validate(string? name, TavusOptions options)
    {
        List<string> failures = [];
        if (!options.IsValid)
        {
            failures.Add("Tavus:ApiKey is set but neither Tavus:ReplicaId nor Tavus:PersonaId: a conversation needs a face.");
        }

        if (!options.HasUsableDailyJsUrl)
        {
            failures.Add("Tavus:DailyJsUrl must be an absolute https URL.");
        }

        if (options.IsConfigured && options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Tavus:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
