using Refit;

namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>
/// The Stream Video server-side calls the gateway makes, as a Refit client (<see cref="StreamServerAuthentication"/>
/// signs each request). Failures throw <see cref="IntegrationException"/>.
/// </summary>
public interface IStreamVideoApi
{
    /// <summary>POST /api/v2/users — create or update users (a call's members must exist first).</summary>
    [Post("/api/v2/users")]
    Task<UpsertUsersResponse> UpsertUsersAsync([Body] UpsertUsersRequest request, CancellationToken cancellationToken);

    /// <summary>POST /api/v2/video/call/{type}/{id} — get the call, or create it as described.</summary>
    [Post("/api/v2/video/call/{type}/{id}")]
    Task<GetOrCreateCallResponse> GetOrCreateCallAsync(string type, string id, [Body] GetOrCreateCallRequest request, CancellationToken cancellationToken);
}
