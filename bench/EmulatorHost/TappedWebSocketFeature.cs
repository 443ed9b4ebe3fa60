using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Features;

namespace SyncHire.Bench.EmulatorHost;

/// <summary>Hands the emulator a <see cref="StampingWebSocket"/> around the socket Kestrel accepted.</summary>
internal sealed class TappedWebSocketFeature(IHttpWebSocketFeature inner, TapStats stats) : IHttpWebSocketFeature
{
    public bool IsWebSocketRequest => inner.IsWebSocketRequest;

    public async Task<WebSocket> AcceptAsync(WebSocketAcceptContext context)
    {
        stats.SessionOpened();
        return new StampingWebSocket(await inner.AcceptAsync(context), stats);
    }
}
