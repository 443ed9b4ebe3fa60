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

    /// <summary>
    /// Browser origins that may call the API (e.g. "https://app.example.com", or "*"). Empty: no CORS headers at all,
    /// so browsers on other origins are refused.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// The public address of the candidate web app and this API (e.g. https://interviews.example.com), used in the
    /// links invitations carry; null: taken from each request, which is right unless a proxy rewrites the host.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary><see cref="CorsOrigins"/> without blanks and trailing slashes, as browsers send them.</summary>
    public string[] AllowedOrigins() =>
        CorsOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();
}
