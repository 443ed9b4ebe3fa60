using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Invitations;

/// <summary>Refuses to start on a setting that would issue unusable links, naming it.</summary>
public sealed class InvitationOptionsValidator : IValidateOptions<InvitationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvitationOptions options) =>
        options.Lifetime <= TimeSpan.Zero || options.Lifetime > TimeSpan.FromDays(365)
            ? ValidateOptionsResult.Fail($"{InvitationOptions.SectionName}:{nameof(InvitationOptions.Lifetime)} must be between 00:00:01 and 365.00:00:00.")
            : ValidateOptionsResult.Success;
}
