using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.LiveKit;

/// <summary>Refuses to start a configured LiveKit integration whose tokens would be useless, naming the setting.</summary>
public sealed class LiveKitOptionsValidator : IValidateOptions<LiveKitOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveKitOptions options) =>
        options.IsConfigured && options.TokenLifetime <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{LiveKitOptions.SectionName}:{nameof(LiveKitOptions.TokenLifetime)} must be positive.")
            : ValidateOptionsResult.Success;
}
