using Microsoft.Extensions.Options;
using SyncHire.Platform.Tenants;

namespace SyncHire.Platform.Hosting;

/// <summary>Refuses to start on malformed bootstrap keys, naming the entry but never echoing a key.</summary>
public sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        try
        {
            BootstrapApiKeys.Parse(options.BootstrapApiKeys);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
