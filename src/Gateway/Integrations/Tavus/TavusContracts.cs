using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Integrations.Tavus;

// Bodies of the Tavus v2 conversation API (docs.tavus.io, API reference "Conversations"). Only the fields the
// gateway sends or reads are declared.

/// <summary>POST /v2/conversations.</summary>
public sealed record CreateConversationRequest(
    [property: JsonPropertyName("replica_id")] string? ReplicaId,
    [property: JsonPropertyName("persona_id")] string? PersonaId,
    [property: JsonPropertyName("conversation_name")] string ConversationName,
    [property: JsonPropertyName("properties")] ConversationProperties Properties);

/// <param name="MaxCallDuration">Seconds; Tavus allows at most 3600.</param>
public sealed record ConversationProperties(
    [property: JsonPropertyName("max_call_duration")] int MaxCallDuration,
    [property: JsonPropertyName("participant_left_timeout")] int ParticipantLeftTimeout,
    [property: JsonPropertyName("participant_absent_timeout")] int ParticipantAbsentTimeout);

/// <param name="ConversationUrl">The Daily room (https://tavus.daily.co/…) the candidate joins.</param>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("conversation_url")] string ConversationUrl,
    [property: JsonPropertyName("status")] string? Status);
