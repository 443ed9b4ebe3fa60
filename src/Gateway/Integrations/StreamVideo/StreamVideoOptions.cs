namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>Configuration section "Stream" (getstream.io Video). The integration is off until ApiKey and ApiSecret are set.</summary>
public sealed class StreamVideoOptions
{
    public const string SectionName = "Stream";

    /// <summary>The app's API key. Not a secret: browsers need it too, so it is returned with each call.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Signs server-side requests and user tokens. A secret: environment or secret store only.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The server-side REST API.</summary>
    public Uri BaseUrl { get; set; } = new("https://video.stream-io-api.com/");

    /// <summary>The call type interviews are created as; "default" exists in every Stream app.</summary>
    public string CallType { get; set; } = "default";

    /// <summary>The user id the AI interviewer joins calls as (the agent that runs the interview uses the same id).</summary>
    public string InterviewerUserId { get; set; } = "synchire-ai-interviewer";

    /// <summary>The interviewer's display name in the call.</summary>
    public string InterviewerName { get; set; } = "AI interviewer";

    /// <summary>How long the candidate's Stream user token is valid.</summary>
    public TimeSpan CandidateTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long to wait for Stream before answering 502.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(ApiSecret);
}
