using System.Net;
using System.Net.WebSockets;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Messaging;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Connections;

/// <summary>
/// Opens a connection to a grain's activation: a channel pair when it lives in this process, a WebSocket to its
/// silo otherwise. Routing (directory, redirects, dead silos) is the same as for calls.
/// </summary>
internal sealed class GrainConnector(GrainCallInvoker invoker, GrainTypeRegistry types, ClusterOptions options) : IGrainConnector
{
    public async Task<IGrainConnection> ConnectAsync<TGrain>(string key, CancellationToken cancellationToken = default)
        where TGrain : IConnectableGrain
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var grainId = new GrainId(types.ForInterface(typeof(TGrain)).Name, key);
        var connection = await invoker.RouteAsync<IGrainConnection>(
            grainId,
            async activation =>
            {
                var (caller, grain) = LocalGrainConnection.CreatePair();
                await activation.AcceptConnectionAsync(grain);
                return caller;
            },
            silo => ConnectRemoteAsync(silo, grainId, cancellationToken),
            cancellationToken);
        return connection!;
    }

    private async Task<RemoteOutcome> ConnectRemoteAsync(SiloRecord silo, GrainId grainId, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        if (!string.IsNullOrEmpty(options.Secret))
        {
            socket.Options.SetRequestHeader(RemoteCallProtocol.SecretHeader, options.Secret);
        }

        var address = new UriBuilder(new Uri(new Uri(silo.Address), RemoteCallProtocol.ConnectPath(grainId)));
        address.Scheme = address.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.CallTimeout);
            await socket.ConnectAsync(address.Uri, timeout.Token);
            return new RemoteOutcome(RemoteOutcomeKind.Completed, new WebSocketGrainConnection(socket));
        }
        catch (WebSocketException) when (socket.HttpStatusCode == (HttpStatusCode)RemoteCallProtocol.MisdirectedStatus)
        {
            var owner = socket.HttpResponseHeaders?.TryGetValue(RemoteCallProtocol.OwnerHeader, out var values) == true ? values.FirstOrDefault() : null;
            socket.Dispose();
            return new RemoteOutcome(RemoteOutcomeKind.Redirected, Owner: owner);
        }
        catch (WebSocketException) when (socket.HttpStatusCode is 0 or HttpStatusCode.ServiceUnavailable)
        {
            // Connection refused (status 0) or the silo is stopping: the grain will be found elsewhere.
            socket.Dispose();
            return new RemoteOutcome(RemoteOutcomeKind.Unavailable);
        }
        catch (WebSocketException e) when (socket.HttpStatusCode == HttpStatusCode.InternalServerError)
        {
            socket.Dispose();
            throw new GrainCallException("Connect", $"Silo {silo.SiloId} could not connect to {grainId}: {e.Message}");
        }
    }
}
