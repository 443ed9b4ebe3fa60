using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>One POST the receiver got: the headers that matter and the raw body bytes, exactly as sent.</summary>
internal sealed record ReceivedWebhook(int Attempt, string? Signature, string? Event, string? DeliveryId, string? ContentType, byte[] Body);

/// <summary>
/// A platform's webhook endpoint: a tiny Kestrel app on a loopback port. Each POST is recorded, then answered by
/// the test's responder for that attempt number (1-based).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private int _attempts;
    private int _connections;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>TCP connections accepted so far: zero means nothing reached this port at all, not even a handshake.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The listening port (on 127.0.0.1).</summary>
    public int Port => new Uri(Url).Port;

    /// <param name="respond">Answers attempt n; by default 200 OK.</param>
    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpContext, Task>? respond = null)
    {
        WebhookReceiver? receiver = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref receiver!._connections);
            return next(connection);
        })));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/synchire", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var attempt = Interlocked.Increment(ref receiver._attempts);
            var headers = context.Request.Headers;
            await receiver._received.Writer.WriteAsync(new ReceivedWebhook(attempt, headers["X-Agent-Signature"], headers["X-Agent-Event"],
                headers["X-Agent-Delivery"], context.Request.ContentType, body.ToArray()));
            if (respond is not null)
            {
                await respond(attempt, context);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks/synchire";
        return receiver;
    }

    public ValueTask<ReceivedWebhook> NextAsync(CancellationToken cancellationToken) => _received.Reader.ReadAsync(cancellationToken);

    /// <summary>Holds the request open until the sender gives up on it (its timeout, or its process stopping).</summary>
    public static async Task Hang(HttpContext context)
    {
        try
        {
            await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The sender went away, as the test intends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
