using SyncHire.Platform.Hosting;

namespace SyncHire.Platform.Retention;

/// <summary>
/// The retention settings of the "Platform" section. "Platform:TranscriptRetention": how long an ended interview
/// (its transcript, report and every record about it) is kept before the purge erases it; "0" or empty keeps
/// interviews forever. "Platform:RetentionSweepInterval": how often the purge looks.
/// </summary>
public sealed class TranscriptRetentionOptions
{
    public const string SectionName = PlatformOptions.SectionName;
    public const string RetentionKey = SectionName + ":" + nameof(TranscriptRetention);
    public const string SweepIntervalKey = SectionName + ":" + nameof(RetentionSweepInterval);

    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromHours(1);

    /// <summary>A duration such as 90.00:00:00; null or zero: interviews are kept forever.</summary>
    public TimeSpan? TranscriptRetention { get; set; }

    public TimeSpan RetentionSweepInterval { get; set; } = DefaultSweepInterval;

    /// <summary>The retention period in effect; null when the purge is off.</summary>
    public TimeSpan? Retention => TranscriptRetention is { } retention && retention != TimeSpan.Zero ? retention : null;
}
