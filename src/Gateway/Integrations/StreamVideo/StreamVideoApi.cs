using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>
/// <see cref="IStreamVideoApi"/> over HttpClient. Each request carries the API key in the query and a server JWT in
/// <c>Authorization</c> (raw, no "Bearer") with <c>stream-auth-type: jwt</c>, as Stream's server SDKs send them.
/// </summary>
internal sealed class StreamVideoApi(HttpClient http, IOptions<StreamVideoOptions> options) : IStreamVideoApi
{
    private const string Service = "Stream Video";

    public Task<UpsertUsersResponse> UpsertUsersAsync(UpsertUsersRequest request, CancellationToken cancellationToken) =>
        IntegrationHttp.SendAsync<UpsertUsersResponse>(http, Post("api/v2/users", request), Service, cancellationToken);

    public Task<GetOrCreateCallResponse> GetOrCreateCallAsync(
        string type, string id, GetOrCreateCallRequest request, CancellationToken cancellationToken) =>
        IntegrationHttp.SendAsync<GetOrCreateCallResponse>(http,
            Post($"api/v2/video/call/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}", request), Service, cancellationToken);

    private HttpRequestMessage Post<TBody>(string path, TBody body)
    {
        var settings = options.Value;
        var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?api_key={Uri.EscapeDataString(settings.ApiKey!)}")
        {
            Content = IntegrationHttp.Body(body),
        };
        request.Headers.TryAddWithoutValidation("Authorization", StreamVideoTokens.Server(settings.ApiSecret!));
        request.Headers.Add("stream-auth-type", "jwt");
        return request;
    }
}
