using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using SyncHire.Providers.Tests.OpenAI.Support;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>
/// How the official clients reach the Realtime endpoint: the key as a bearer header or, where a WebSocket cannot set
/// headers (browsers, the Node SDK's OpenAIRealtimeWebSocket), as the `openai-insecure-api-key.` subprotocol; and over
/// TLS, which the Node SDK always uses.
/// </summary>
public sealed class OpenAIRealtimeConnectTests
{
    [Fact]
    public async Task The_key_as_a_subprotocol_opens_a_session_answered_with_the_realtime_subprotocol()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("realtime");
        socket.Options.AddSubProtocol($"openai-insecure-api-key.{host.Server.Options.ApiKey}");

        await socket.ConnectAsync(host.Server.WebSocketAddress("/v1/realtime?model=gpt-realtime"), TestContext.Current.CancellationToken);

        Assert.Equal("realtime", socket.SubProtocol);
        Assert.Equal("gpt-realtime", (await OpenAIRealtimeEmulator.Recorder(host.Server.Options).SessionAsync(0, TimeSpan.FromSeconds(10))).Model);
    }

    [Fact]
    public async Task A_wrong_key_as_a_subprotocol_is_refused_with_401()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("realtime");
        socket.Options.AddSubProtocol("openai-insecure-api-key.sk-wrong");

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(host.Server.WebSocketAddress("/v1/realtime?model=gpt-realtime"), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Served_over_tls_the_session_opens_as_wss()
    {
        using var certificate = EmulatorCertificate.CreateSelfSigned();
        var options = new EmulatorOptions { RealTimeAudio = false };
        await using var server = await EmulatorServer.StartAsync(options, OpenAIRealtimeEmulator.Map, "https://127.0.0.1:0", certificate: certificate);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {options.ApiKey}");
        // Trust exactly the emulator's certificate, as NODE_EXTRA_CA_CERTS does for the Node client.
        socket.Options.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
            errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors && presented?.GetCertHashString() == certificate.GetCertHashString();

        var address = server.WebSocketAddress("/v1/realtime?model=gpt-realtime");
        await socket.ConnectAsync(address, TestContext.Current.CancellationToken);

        Assert.Equal("wss", address.Scheme);
        Assert.Equal(WebSocketState.Open, socket.State);
    }
}
