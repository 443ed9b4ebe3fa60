using System.Globalization;
using Microsoft.Extensions.Configuration;
using SyncHire.Platform.Hosting;

namespace SyncHire.Platform.Retention;

/// <summary>
/// "Platform:TranscriptRetention": how long an ended interview (its transcript, report and every record about it)
/// is kept before the purge erases it; "0" or empty keeps interviews forever. "Platform:RetentionSweepInterval":
/// how often the purge looks.
/// </summary>
public sealed record TranscriptRetentionOptions(TimeSpan? Retention, TimeSpan SweepInterval)
{
    public const string RetentionKey = PlatformOptions.SectionName + ":TranscriptRetention";
    public const string SweepIntervalKey = PlatformOptions.SectionName + ":RetentionSweepInterval";

    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromHours(1);

    /// <summary>Reads both settings; throws <see cref="InvalidOperationException"/> naming a setting that makes no sense.</summary>
    public static TranscriptRetentionOptions Read(IConfiguration configuration)
    {
        var retention = Parse(configuration[RetentionKey], RetentionKey);
        var sweep = Parse(configuration[SweepIntervalKey], SweepIntervalKey) ?? DefaultSweepInterval;
        return new TranscriptRetentionOptions(retention, sweep);
    }

    private static TimeSpan? Parse(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == "0")
        {
            return null;
        }

        if (!TimeSpan.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var parsed) || parsed < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{key} must be a duration such as 90.00:00:00 (days.hours:minutes:seconds), or 0 to turn it off; got '{value}'.");
        }

        return parsed == TimeSpan.Zero ? null : parsed;
    }
}
