namespace SyncHire.Gateway.VideoRooms;

/// <summary>The interview's Tavus avatar conversation; <paramref name="ConversationUrl"/> is the Daily room to join.</summary>
public sealed record TavusConversationResponse(string ConversationId, string ConversationUrl, DateTimeOffset CreatedAt);
