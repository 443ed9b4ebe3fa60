using Refit;

namespace SyncHire.Gateway.Integrations.Tavus;

/// <summary>
/// The Tavus conversation calls the gateway makes, as a Refit client (<see cref="TavusApiKeyAuthentication"/> adds
/// the key). Failures throw <see cref="IntegrationException"/>.
/// Speaking in echo mode is not here: Tavus takes echo audio only as a <c>conversation.echo</c> app message inside
/// the conversation's Daily room, from a participant of that room, not over REST.
/// </summary>
public interface ITavusApi
{
    /// <summary>POST /v2/conversations — starts a conversation; its Daily room exists when this returns.</summary>
    [Post("/v2/conversations")]
    Task<ConversationResponse> CreateConversationAsync([Body] CreateConversationRequest request, CancellationToken cancellationToken);

    /// <summary>POST /v2/conversations/{id}/end — ends it and stops billing.</summary>
    [Post("/v2/conversations/{conversationId}/end")]
    Task EndConversationAsync(string conversationId, CancellationToken cancellationToken);
}
