using Microsoft.Extensions.Options;
using SyncHire.Platform.Tenants;

namespace SyncHire.Gateway.Tenants;

/// <summary>Refuses to start with an anonymous tenant that is not a valid tenant id.</summary>
public sealed class TenantAccessOptionsValidator : IValidateOptions<TenantAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantAccessOptions options) =>
        options.AnonymousTenant is { } tenant && !TenantIds.IsValid(tenant)
            ? ValidateOptionsResult.Fail($"{TenantAccessOptions.SectionName}:{nameof(TenantAccessOptions.AnonymousTenant)} must be empty or {TenantIds.Rule}.")
            : ValidateOptionsResult.Success;
}
