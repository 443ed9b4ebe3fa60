using System.Net.WebSockets;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>Maps the emulated Live API WebSocket endpoint and its ephemeral-token issuer.</summary>
public static class GeminiLiveEndpoint
{
    /// <summary>
    /// Serves every path shape of <see cref="GeminiLiveRoute"/> and <see cref="AuthTokensEndpoint.Path"/>; returns the
    /// emulator's state for tests to inspect.
    /// </summary>
    public static GeminiLiveEmulator MapGeminiLive(this WebApplication app, EmulatorOptions options, GeminiLiveEmulatorSettings? settings = null)
    {
        var emulator = new GeminiLiveEmulator(options, settings ?? new GeminiLiveEmulatorSettings());

        // A middleware rather than a route template: the clients' paths differ in API version and method, and the
        // doubled slash of their base-URL join never reaches a template route (routing matches before any rewrite).
        app.Use(async (context, next) =>
        {
            if (GeminiLiveRoute.TryMatch(context.Request.Path, out var constrained))
            {
                await AcceptAsync(context, emulator, constrained);
            }
            else if (GeminiLiveRoute.CollapseSlashes(context.Request.Path.Value ?? "") == AuthTokensEndpoint.Path)
            {
                await AuthTokensEndpoint.HandleAsync(context, emulator);
            }
            else
            {
                await next(context);
            }
        });
        return emulator;
    }

    /// <summary>The API key of a request: the <c>key</c> parameter or the <c>x-goog-api-key</c> header.</summary>
    internal static string? ApiKeyOf(HttpContext context) =>
        context.Request.Query["key"].FirstOrDefault() ?? context.Request.Headers["x-goog-api-key"].FirstOrDefault();

    /// <summary>
    /// BidiGenerateContent takes the API key; BidiGenerateContentConstrained takes an ephemeral token in
    /// <c>access_token</c>, which this connection spends.
    /// </summary>
    private static bool IsAuthorized(HttpContext context, GeminiLiveEmulator emulator, bool constrained) => constrained
        ? emulator.Tokens.TrySpend(context.Request.Query["access_token"].FirstOrDefault())
        : string.Equals(ApiKeyOf(context), emulator.Options.ApiKey, StringComparison.Ordinal);

    private static async Task AcceptAsync(HttpContext context, GeminiLiveEmulator emulator, bool constrained)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = new { code = 400, message = "This endpoint speaks WebSocket only.", status = "INVALID_ARGUMENT" } });
            return;
        }

        if (emulator.Options.Faults.Take(GeminiLiveProtocol.EmulatorName, FaultKind.RefuseConnections, 0) is not null)
        {
            emulator.CountRejected();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error = new { code = 503, message = "The service is currently unavailable.", status = "UNAVAILABLE" } });
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (!IsAuthorized(context, emulator, constrained))
        {
            // The real service upgrades first and refuses the key in the close frame.
            emulator.CountRejected();
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData,
                    constrained ? GeminiLiveProtocol.InvalidTokenReason : GeminiLiveProtocol.InvalidKeyReason, context.RequestAborted);
            }
            catch (WebSocketException)
            {
                // The client hung up without waiting for the reason.
            }

            return;
        }

        await using var connection = new GeminiLiveConnection(socket, emulator, context.Abort);
        await connection.RunAsync(context.RequestAborted);
    }
}
