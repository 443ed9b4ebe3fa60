namespace SyncHire.Gateway.Integrations.LiveKit;

/// <summary>Configuration section "LiveKit". The integration is off until ApiKey, ApiSecret and Url are all set.</summary>
public sealed class LiveKitOptions
{
    public const string SectionName = "LiveKit";

    /// <summary>The project's API key; it becomes the token's issuer.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API secret that signs access tokens. A secret: environment or secret store only.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The server URL clients connect to (wss://your-project.livekit.cloud), returned with each token.</summary>
    public string? Url { get; set; }

    /// <summary>How long an access token admits its holder (joining only: a connected participant is not cut off).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(ApiSecret) && !string.IsNullOrWhiteSpace(Url);
}
