using System.Net.WebSockets;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>Maps the emulated Live API WebSocket endpoint.</summary>
public static class GeminiLiveEndpoint
{
    /// <summary>Serves <see cref="GeminiLiveProtocol.Path"/>; returns the emulator's state for tests to inspect.</summary>
    public static GeminiLiveEmulator MapGeminiLive(this WebApplication app, EmulatorOptions options, GeminiLiveEmulatorSettings? settings = null)
    {
        var emulator = new GeminiLiveEmulator(options, settings ?? new GeminiLiveEmulatorSettings());
        app.Map(GeminiLiveProtocol.Path, context => AcceptAsync(context, emulator));
        return emulator;
    }

    private static async Task AcceptAsync(HttpContext context, GeminiLiveEmulator emulator)
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
        var key = context.Request.Query["key"].FirstOrDefault() ?? context.Request.Headers["x-goog-api-key"].FirstOrDefault();
        if (!string.Equals(key, emulator.Options.ApiKey, StringComparison.Ordinal))
        {
            // The real service upgrades first and refuses the key in the close frame.
            emulator.CountRejected();
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData, GeminiLiveProtocol.InvalidKeyReason, context.RequestAborted);
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
