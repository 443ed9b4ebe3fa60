using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.Tavus;

/// <summary><see cref="ITavusApi"/> over HttpClient; every request carries the key in <c>x-api-key</c>.</summary>
internal sealed class TavusApi(HttpClient http, IOptions<TavusOptions> options) : ITavusApi
{
    private const string Service = "Tavus";

    public Task<ConversationResponse> CreateConversationAsync(CreateConversationRequest request, CancellationToken cancellationToken)
    {
        var message = Post("v2/conversations");
        message.Content = IntegrationHttp.Body(request);
        return IntegrationHttp.SendAsync<ConversationResponse>(http, message, Service, cancellationToken);
    }

    public Task EndConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        IntegrationHttp.SendAsync(http, Post($"v2/conversations/{Uri.EscapeDataString(conversationId)}/end"), Service, cancellationToken);

    private HttpRequestMessage Post(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("x-api-key", options.Value.ApiKey);
        return request;
    }
}
