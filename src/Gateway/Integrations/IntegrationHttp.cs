using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Integrations;

/// <summary>
/// The one place the REST clients send a request and read a JSON answer, so each client stays a list of calls
/// (what Refit would have generated). Every failure — unreachable, timed out, a non-2xx status, an unreadable
/// body — becomes an <see cref="IntegrationException"/> that carries the status but never the upstream body.
/// </summary>
internal static class IntegrationHttp
{
    /// <summary>Wire format of the clients' records: names come from [JsonPropertyName]; absent values are left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonContent Body<T>(T value) => JsonContent.Create(value, options: Json);

    public static async Task<TResponse> SendAsync<TResponse>(
        HttpClient http, HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(http, request, service, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<TResponse>(Json, cancellationToken)
                   ?? throw new IntegrationException(service, "answered an empty body") { UpstreamStatus = (int)response.StatusCode };
        }
        catch (JsonException exception)
        {
            throw new IntegrationException(service, "answered a body that is not the expected JSON", exception)
            {
                UpstreamStatus = (int)response.StatusCode,
            };
        }
    }

    public static async Task SendAsync(HttpClient http, HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(http, request, service, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendCheckedAsync(
        HttpClient http, HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new IntegrationException(service, "could not be reached", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; the caller did not cancel.
            throw new IntegrationException(service, "did not answer in time", exception);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new IntegrationException(service, $"answered HTTP {status}") { UpstreamStatus = status };
        }

        return response;
    }
}
