using SyncHire.Gateway.Integrations;

namespace SyncHire.Gateway.VideoRooms;

public static class VideoRoomsServiceCollectionExtensions
{
    /// <summary>The video-room endpoints' services: the integrations' clients and the open-conversation store.</summary>
    public static IServiceCollection AddVideoRooms(this IServiceCollection services)
    {
        services.AddVideoRoomIntegrations();
        services.AddSingleton<TavusConversationStore>();
        services.AddSingleton<TavusConversationCloser>();
        return services;
    }
}
