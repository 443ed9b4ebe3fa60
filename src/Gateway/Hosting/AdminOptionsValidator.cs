using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Hosting;

/// <summary>Refuses to start with an admin listener Kestrel could not bind, naming the setting.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        List<string> failures = [];
        if (options.DashboardPort is < 1 or > 65535)
        {
            failures.Add($"{AdminOptions.SectionName}:{nameof(AdminOptions.DashboardPort)} must be a TCP port number (1-65535).");
        }

        if (string.IsNullOrWhiteSpace(options.BindAddress))
        {
            failures.Add($"{AdminOptions.SectionName}:{nameof(AdminOptions.BindAddress)} must name an address (127.0.0.1 by default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
