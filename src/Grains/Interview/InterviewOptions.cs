using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Grains.Interview;

/// <summary>Interview behaviour that operators tune; bound from the "Interviews" configuration section.</summary>
public sealed class InterviewOptions
{
    public const string SectionName = "Interviews";

    /// <summary>The provider an interview uses when it names none (or one that is not configured here).</summary>
    public string DefaultProvider { get; set; } = "offline";

    /// <summary>How long before the hard cap the candidate is warned. Caps shorter than this warn at half time.</summary>
    public TimeSpan TimeWarningLead { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A started interview with no candidate connected for this long ends with idle_timeout.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest audio frame accepted from the candidate, in bytes.</summary>
    public int MaxAudioFrameBytes { get; set; } = ProtocolLimits.DefaultMaxAudioFrameBytes;
}
