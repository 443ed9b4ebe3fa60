using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;

namespace SyncHire.Gateway.Integrations;

/// <summary>
/// How every REST client here talks JSON and fails. Each failure — unreachable, timed out, a non-2xx status, an
/// unreadable body — becomes an <see cref="IntegrationException"/> naming the service and the status, never carrying
/// the upstream body (Refit's own ApiException would hold it, and the request's credentials).
/// </summary>
internal static class IntegrationRefitSettings
{
    /// <summary>
    /// Stream and Tavus both name fields in snake_case; absent optional values are left out rather than sent as null,
    /// and an answer missing a field the records require is "not the expected JSON" rather than a null later.
    /// </summary>
    public static readonly JsonSerializerOptions SnakeCaseJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static RefitSettings For(string service) => new(new NonNullJsonContentSerializer(SnakeCaseJson))
    {
        ExceptionFactory = response => ValueTask.FromResult<Exception?>(Failure(service, response)),
        DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(
            new IntegrationException(service, "answered a body that is not the expected JSON", exception) { UpstreamStatus = (int)response.StatusCode }),
        TransportExceptionFactory = (_, exception, cancellationToken) => exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
            // The resilience pipeline's timeouts, and HttpClient's own, are not the caller cancelling.
            TimeoutRejectedException or OperationCanceledException => new IntegrationException(service, "did not answer in time", exception),
            BrokenCircuitException or RateLimiterRejectedException =>
                new IntegrationException(service, "was not called: too many recent failures or calls in flight", exception),
            HttpRequestException => new IntegrationException(service, "could not be reached", exception),
            _ => exception,
        },
    };

    /// <summary>A non-2xx status; or a 2xx without a body for a call that returns one, where Refit would hand back null.</summary>
    private static IntegrationException? Failure(string service, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return new IntegrationException(service, $"answered HTTP {status}") { UpstreamStatus = status };
        }

        var bodiless = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0;
        return bodiless && ExpectsAnswer(response.RequestMessage)
            ? new IntegrationException(service, "answered an empty body") { UpstreamStatus = status }
            : null;
    }

    /// <summary>Whether the interface method that made the request returns an answer (Refit records which it was).</summary>
    private static bool ExpectsAnswer(HttpRequestMessage? request) =>
        request is not null
        && request.Options.TryGetValue(new HttpRequestOptionsKey<Type>(HttpRequestMessageOptions.InterfaceType), out var api)
        && request.Options.TryGetValue(new HttpRequestOptionsKey<string>(HttpRequestMessageOptions.MethodName), out var method)
        && api.GetMethods().Any(m => m.Name == method && m.ReturnType != typeof(Task));
}
