using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.VideoRooms;

/// <summary>
/// Video rooms for platforms that hold the interview in one: a LiveKit token, a Stream Video call, a Tavus avatar
/// conversation. Each is off (501 integration_not_configured) until its keys are configured. The candidate's
/// page asks for the avatar with its candidate token, outside the API-key group.
/// </summary>
public static class VideoRoomsApi
{
    public static RouteGroupBuilder MapVideoRoomsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Video rooms").RequireTenant();

        group.MapPost("/{id}/livekit-token", LiveKitTokenEndpoint.Issue);
        group.MapPost("/{id}/stream-call", StreamCallEndpoint.Create);
        group.MapPost("/{id}/tavus-conversation", TavusConversationEndpoints.Create);
        group.MapDelete("/{id}/tavus-conversation", TavusConversationEndpoints.End);

        // Not RequireTenant: the bearer here is a candidate token, which the API-key step would refuse as a key.
        routes.MapGet("/api/interviews/{id}/avatar", CandidateAvatarEndpoint.Get).WithTags("Candidates");
        return group;
    }
}
