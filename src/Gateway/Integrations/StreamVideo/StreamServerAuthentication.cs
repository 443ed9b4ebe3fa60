using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.StreamVideo;

/// <summary>
/// Signs each Stream Video request as Stream's server SDKs do: the API key in the <c>api_key</c> query, a server JWT
/// in <c>Authorization</c> (raw, no "Bearer" scheme, which Refit's [Authorize] would add) and <c>stream-auth-type: jwt</c>.
/// </summary>
internal sealed class StreamServerAuthentication(IOptions<StreamVideoOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var uri = request.RequestUri!;
        request.RequestUri = new Uri($"{uri}{(uri.Query.Length == 0 ? "?" : "&")}api_key={Uri.EscapeDataString(settings.ApiKey!)}");
        request.Headers.TryAddWithoutValidation("Authorization", StreamVideoTokens.Server(settings.ApiSecret!));
        request.Headers.Add("stream-auth-type", "jwt");
        return base.SendAsync(request, cancellationToken);
    }
}
