namespace SyncHire.Gateway.Integrations.Tavus;

// Bodies of the Tavus v2 conversation API (docs.tavus.io, API reference "Conversations"). Only the fields the
// gateway sends or reads are declared.
// Wire names are these names in snake_case (IntegrationRefitSettings.SnakeCaseJson); dictionary keys are sent as they are.

/// <summary>POST /v2/conversations.</summary>
public sealed record CreateConversationRequest(string? ReplicaId, string? PersonaId, string ConversationName, ConversationProperties Properties);

/// <param name="MaxCallDuration">Seconds; Tavus allows at most 3600.</param>
public sealed record ConversationProperties(int MaxCallDuration, int ParticipantLeftTimeout, int ParticipantAbsentTimeout);

/// <param name="ConversationUrl">The Daily room (https://tavus.daily.co/…) the candidate joins.</param>
public sealed record ConversationResponse(string ConversationId, string ConversationUrl, string? Status);
