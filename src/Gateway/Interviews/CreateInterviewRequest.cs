using System.Text.Json;

namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The body of POST /api/interviews, as sent: every field optional and loosely typed, so that a wrong value is
/// reported by <see cref="CreateInterviewValidator"/> against its field name instead of failing deserialisation.
/// </summary>
/// <param name="Level">beginner, intermediate (default) or advanced.</param>
/// <param name="MaxDurationMinutes">The hard cap, 1..60 (default 60).</param>
/// <param name="Provider">offline, openai, gemini or pipeline; default: the server's.</param>
/// <param name="Voice">A voice of that provider (alloy, Puck, …); default: the provider's configured voice.</param>
/// <param name="Model">A model of that provider; default: the configured one.</param>
/// <param name="TurnDetection">How the end of the candidate's turn is found; default: server VAD.</param>
/// <param name="Language">The interview's language as a BCP 47 tag ("en", "pt-BR"); default: English.</param>
/// <param name="WebhookUrl">
/// Where interview.completed is POSTed: an absolute https URL to a public address (loopback, private, link-local and
/// other special-purpose addresses are refused, by IP here and after DNS resolution at delivery), with no user name
/// or password in it. Where the operator allows private networks (the single-node developer setup) any address is
/// accepted, and http to localhost/127.0.0.1 too. Default: no webhook.
/// </param>
/// <param name="Metadata">
/// The platform's own references (candidate id, job id…): a flat JSON object of string values, at most 20 keys
/// and 1 KB of keys and values together, returned with the interview and in the webhook.
/// </param>
public sealed record CreateInterviewRequest(
    string? CandidateName,
    string? JobTitle,
    string? SkillTopic,
    string? Level,
    IReadOnlyList<string?>? Questions,
    int? MaxDurationMinutes,
    string? Provider = null,
    string? Voice = null,
    string? Model = null,
    TurnDetectionRequest? TurnDetection = null,
    string? Language = null,
    string? WebhookUrl = null,
    JsonElement? Metadata = null);

/// <param name="Mode">server_vad (default) or push_to_talk (the client sends send_for_AI_processing).</param>
/// <param name="Threshold">Server VAD sensitivity, 0..1 (default 0.5).</param>
/// <param name="PrefixPaddingMs">Audio kept before detected speech, 0..2000 ms (default 300).</param>
/// <param name="SilenceDurationMs">Silence that ends a turn, 100..5000 ms (default 200).</param>
public sealed record TurnDetectionRequest(string? Mode, double? Threshold, int? PrefixPaddingMs, int? SilenceDurationMs);
