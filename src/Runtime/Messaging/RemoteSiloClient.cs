using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Messaging;

/// <summary>What a remote silo answered to a call.</summary>
internal readonly record struct RemoteOutcome(RemoteOutcomeKind Kind, object? Value = null, string? Owner = null);

internal enum RemoteOutcomeKind
{
    Completed,
    /// <summary>Another silo owns the grain (in <see cref="RemoteOutcome.Owner"/>).</summary>
    Redirected,
    /// <summary>The silo is stopping or could not be reached before the request was sent: safe to retry.</summary>
    Unavailable,
}

/// <summary>Sends grain calls to other silos over HTTP on pooled connections.</summary>
internal sealed class RemoteSiloClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly JsonSerializerOptions _json;

    public RemoteSiloClient(ClusterOptions options, JsonSerializerOptions json)
    {
        _json = json;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            EnableMultipleHttp2Connections = true,
        })
        {
            Timeout = options.CallTimeout,
        };
        if (!string.IsNullOrEmpty(options.Secret))
        {
            _http.DefaultRequestHeaders.Add(RemoteCallProtocol.SecretHeader, options.Secret);
        }
    }

    public async Task<RemoteOutcome> InvokeAsync(SiloRecord silo, GrainId grainId, GrainMethod method, object?[] arguments, CancellationToken cancellationToken)
    {
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(arguments, _json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var uri = new Uri(new Uri(silo.Address), RemoteCallProtocol.InvokePath(grainId, method.Name));

        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(uri, body, cancellationToken);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Nothing reached the silo, so the call has not run: retrying is safe.
            return new RemoteOutcome(RemoteOutcomeKind.Unavailable);
        }

        using (response)
        {
            switch ((int)response.StatusCode)
            {
                case (int)HttpStatusCode.OK:
                    if (method.ResultType is null)
                    {
                        return new RemoteOutcome(RemoteOutcomeKind.Completed);
                    }

                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    var value = await JsonSerializer.DeserializeAsync(stream, method.ResultType, _json, cancellationToken);
                    return new RemoteOutcome(RemoteOutcomeKind.Completed, value);
                case RemoteCallProtocol.MisdirectedStatus:
                    var owner = response.Headers.TryGetValues(RemoteCallProtocol.OwnerHeader, out var values) ? values.FirstOrDefault() : null;
                    return new RemoteOutcome(RemoteOutcomeKind.Redirected, Owner: owner);
                case (int)HttpStatusCode.ServiceUnavailable:
                    return new RemoteOutcome(RemoteOutcomeKind.Unavailable);
                case (int)HttpStatusCode.InternalServerError:
                    var error = await response.Content.ReadFromJsonAsync<RemoteError>(_json, cancellationToken);
                    throw RemoteExceptions.FromRemote(error ?? new RemoteError("Exception", "The grain call failed."));
                default:
                    throw new GrainCallException("Transport", $"Silo {silo.SiloId} answered {(int)response.StatusCode} to {method.Name}.");
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
