namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>The Stream Video server-side calls the gateway makes. Failures throw <see cref="IntegrationException"/>.</summary>
public interface IStreamVideoApi
{
    /// <summary>POST /api/v2/users — create or update users (a call's members must exist first).</summary>
    Task<UpsertUsersResponse> UpsertUsersAsync(UpsertUsersRequest request, CancellationToken cancellationToken);

    /// <summary>POST /api/v2/video/call/{type}/{id} — get the call, or create it as described.</summary>
    Task<GetOrCreateCallResponse> GetOrCreateCallAsync(string type, string id, GetOrCreateCallRequest request, CancellationToken cancellationToken);
}
