using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Grains.Interview;

/// <summary>Interview behaviour that operators tune; bound from the "Interviews" configuration section.</summary>
public sealed class InterviewOptions
{
    public const string SectionName = "Interviews";

    /// <summary>How long before the hard cap the candidate is warned. Caps shorter than this warn at half time.</summary>
    public TimeSpan TimeWarningLead { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A started interview with no candidate connected for this long ends with idle_timeout.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a lost provider session is reopened (seeded with the transcript) before the interview ends as provider_unavailable; with Interviews:FallbackProvider set, each attempt also tries the backup (the provider registry's fallback adapter).</summary>
    public int ProviderReconnectAttempts { get; set; } = 3;

    /// <summary>The wait before the first reconnect attempt; it doubles with each further attempt.</summary>
    public TimeSpan ProviderReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When true, start_interview must carry <c>"consent": true</c>; without it the candidate gets consent_required
    /// and nothing starts. Consent given is recorded either way.
    /// </summary>
    public bool RequireConsent { get; set; }

    /// <summary>The largest audio frame accepted from the candidate, in bytes.</summary>
    public int MaxAudioFrameBytes { get; set; } = ProtocolLimits.DefaultMaxAudioFrameBytes;
}
