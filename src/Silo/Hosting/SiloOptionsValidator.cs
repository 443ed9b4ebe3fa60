using System.Net;
using Microsoft.Extensions.Options;

namespace SyncHire.Silo.Hosting;

/// <summary>Refuses to start a silo that could not join or keep its cluster, naming the setting.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    private const string Section = SiloOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{Section}:{nameof(SiloOptions.ClusterId)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{Section}:{nameof(SiloOptions.ServiceId)} must not be empty.");
        }

        if (options.SiloPort is < 0 or > 65535)
        {
            failures.Add($"{Section}:{nameof(SiloOptions.SiloPort)} must be a TCP port number (0-65535).");
        }

        if (options.PrimarySiloPort is < 1 or > 65535)
        {
            failures.Add($"{Section}:{nameof(SiloOptions.PrimarySiloPort)} must be a TCP port number (1-65535) or unset.");
        }

        if (options.AdvertisedAddress is { Length: > 0 } address && !IPAddress.TryParse(address, out _))
        {
            failures.Add($"{Section}:{nameof(SiloOptions.AdvertisedAddress)} must be an IP address or empty.");
        }

        Positive(options.ProbeTimeout, nameof(SiloOptions.ProbeTimeout), failures);
        Positive(options.TableRefreshTimeout, nameof(SiloOptions.TableRefreshTimeout), failures);
        Positive(options.CollectionAge, nameof(SiloOptions.CollectionAge), failures);
        Positive(options.MinimumReminderPeriod, nameof(SiloOptions.MinimumReminderPeriod), failures);
        if (options.MissedProbesLimit < 1)
        {
            failures.Add($"{Section}:{nameof(SiloOptions.MissedProbesLimit)} must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{setting} must be positive.");
        }
    }
}
