namespace SyncHire.Gateway.Integrations.Tavus;

/// <summary>Configuration section "Tavus" (avatar video conversations). The integration is off until ApiKey is set.</summary>
public sealed class TavusOptions
{
    public const string SectionName = "Tavus";

    /// <summary>Sent as <c>x-api-key</c>. A secret: environment or secret store only.</summary>
    public string? ApiKey { get; set; }

    public Uri BaseUrl { get; set; } = new("https://tavusapi.com/");

    /// <summary>The replica (the face) conversations use. Optional when the persona has a default replica.</summary>
    public string? ReplicaId { get; set; }

    /// <summary>
    /// The persona (behaviour). For the candidate's room to make the replica speak the interview's own voice, an echo
    /// persona (<c>"pipeline_mode": "echo"</c>, created once with POST /v2/personas); empty: Tavus's default persona,
    /// which runs its own conversation and is not what an interview wants.
    /// </summary>
    public string? PersonaId { get; set; }

    /// <summary>Seconds Tavus keeps the conversation after the last participant leaves.</summary>
    public int ParticipantLeftTimeoutSeconds { get; set; } = 60;

    /// <summary>Seconds Tavus waits for someone to join before ending the conversation.</summary>
    public int ParticipantAbsentTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// Where the candidate's browser loads daily-js (Daily's client library) when the interview has an avatar: the
    /// page joins the conversation's Daily room and relays the interviewer's audio into it as echo messages. The web
    /// app carries no third-party code, so this is the published bundle Daily documents for a script tag; pin a
    /// version (https://unpkg.com/@daily-co/daily-js@0.x.y/dist/daily.js) or serve a vetted copy from your own origin.
    /// Only https: the page runs it with the candidate's session.
    /// </summary>
    public Uri DailyJsUrl { get; set; } = new(DefaultDailyJsUrl);

    /// <summary>Daily's documented script-tag URL (docs.daily.co, "Setting up your CSP for daily-js").</summary>
    public const string DefaultDailyJsUrl = "https://unpkg.com/@daily-co/daily-js";

    /// <summary>How long to wait for Tavus before answering 502.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Tavus needs a face: a replica, or a persona that names one.</summary>
    public bool IsValid => !IsConfigured || !string.IsNullOrWhiteSpace(ReplicaId) || !string.IsNullOrWhiteSpace(PersonaId);

    /// <summary>The library URL is an absolute https URL (a relative or http one would run unverified code).</summary>
    public bool HasUsableDailyJsUrl => !IsConfigured || DailyJsUrl is { IsAbsoluteUri: true, Scheme: "https" };
}
