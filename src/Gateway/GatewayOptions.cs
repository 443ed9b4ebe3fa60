using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Gateway;

/// <summary>Configuration section "Gateway": the edge's own settings (the cluster's are in "Cluster").</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) that signs candidate tokens. Every gateway of a cluster must share
    /// it; a single node without it generates one per process.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a candidate token admits its holder; the platform asks for a fresh one after that.</summary>
    public TimeSpan CandidateTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Largest WebSocket message a candidate may send. The default admits the largest legal audio_chunk written as
    /// JSON (see <see cref="ProtocolLimits.MaxTextFrameBytes"/>); larger messages are drained and refused.
    /// </summary>
    public int MaxClientMessageBytes { get; set; } = ProtocolLimits.MaxTextFrameBytes;

    /// <summary>Interval of WebSocket pings that keep idle candidate sockets alive through proxies.</summary>
    public TimeSpan WebSocketKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest REST request body (an interview with 30 questions of 1000 characters fits easily).</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Fails startup on settings that would make the gateway useless, naming the setting.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public void EnsureValid()
    {
        if (CandidateTokenLifetime <= TimeSpan.Zero || CandidateTokenLifetime > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(CandidateTokenLifetime)} must be between 00:00:01 and 1.00:00:00.");
        }

        if (MaxClientMessageBytes < 1024)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxClientMessageBytes)} must be at least 1024.");
        }

        if (MaxRequestBodyBytes < 1024)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxRequestBodyBytes)} must be at least 1024.");
        }

        if (WebSocketKeepAliveInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(WebSocketKeepAliveInterval)} must not be negative (00:00:00 turns pings off).");
        }
    }
}
