using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.Tavus;

/// <summary>Adds the key to each Tavus request in <c>x-api-key</c>, read per request so callers never handle it.</summary>
internal sealed class TavusApiKeyAuthentication(IOptions<TavusOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("x-api-key", options.Value.ApiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
