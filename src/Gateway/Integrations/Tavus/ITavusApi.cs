namespace SyncHire.Gateway.Integrations.Tavus;

/// <summary>
/// The Tavus conversation calls the gateway makes. Failures throw <see cref="IntegrationException"/>.
/// Speaking in echo mode is not here: Tavus takes echo audio only as a <c>conversation.echo</c> app message inside
/// the conversation's Daily room, from a participant of that room, not over REST.
/// </summary>
public interface ITavusApi
{
    /// <summary>POST /v2/conversations — starts a conversation; its Daily room exists when this returns.</summary>
    Task<ConversationResponse> CreateConversationAsync(CreateConversationRequest request, CancellationToken cancellationToken);

    /// <summary>POST /v2/conversations/{id}/end — ends it and stops billing.</summary>
    Task EndConversationAsync(string conversationId, CancellationToken cancellationToken);
}
