using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncHire.Runtime.Activation;
using SyncHire.Runtime.Connections;
using SyncHire.Runtime.Hosting;

namespace SyncHire.Runtime.Messaging;

/// <summary>The silo's internal endpoints that other silos and gateways call (see <see cref="RemoteCallProtocol"/>).</summary>
internal static class SiloEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            IsAuthorized(context.HttpContext) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));
        group.MapPost(RemoteCallProtocol.InvokePrefix + "/{type}/{key}/{method}", InvokeAsync);
        group.Map(RemoteCallProtocol.ConnectPrefix + "/{type}/{key}", ConnectAsync);
    }

    private static bool IsAuthorized(HttpContext context)
    {
        var secret = context.RequestServices.GetRequiredService<ClusterOptions>().Secret;
        if (string.IsNullOrEmpty(secret))
        {
            return true;
        }

        var presented = context.Request.Headers[RemoteCallProtocol.SecretHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret));
    }

    private static async Task<IResult> InvokeAsync(string type, string key, string method, HttpContext context)
    {
        var silo = context.RequestServices.GetRequiredService<SiloRuntime>();
        var json = context.RequestServices.GetRequiredService<JsonSerializerOptions>();
        if (!silo.Types.TryGetByName(type, out var grainType))
        {
            return Results.NotFound();
        }

        GrainMethod grainMethod;
        object?[] arguments;
        try
        {
            grainMethod = silo.Types.GetMethod(grainType.Interface, method);
            arguments = await ReadArgumentsAsync(context.Request, grainMethod, json);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            return Results.BadRequest(e.Message);
        }

        var activation = await ResolveLocalAsync(silo, new GrainId(type, key), context);
        if (activation.Result is { } early)
        {
            return early;
        }

        try
        {
            var result = await activation.Activation!.InvokeAsync(grainMethod, arguments);
            // Serialised by hand: Results.Json writes an empty body for null, and a null result ("no such interview")
            // must arrive as JSON null.
            return grainMethod.ResultType is null
                ? Results.Ok()
                : Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(result, grainMethod.ResultType, json), "application/json");
        }
        catch (ActivationGoneException)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e)
        {
            return Results.Json(RemoteExceptions.ToRemote(e), json, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<object?[]> ReadArgumentsAsync(HttpRequest request, GrainMethod method, JsonSerializerOptions json)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var elements = document.RootElement.EnumerateArray().ToArray();
        if (elements.Length != method.ParameterTypes.Length)
        {
            throw new InvalidOperationException($"{method.Name} takes {method.ParameterTypes.Length} arguments, got {elements.Length}.");
        }

        var arguments = new object?[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            arguments[i] = elements[i].Deserialize(method.ParameterTypes[i], json);
        }

        return arguments;
    }

    private static async Task ConnectAsync(string type, string key, HttpContext context)
    {
        var silo = context.RequestServices.GetRequiredService<SiloRuntime>();
        if (!context.WebSockets.IsWebSocketRequest || !silo.Types.TryGetByName(type, out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var resolved = await ResolveLocalAsync(silo, new GrainId(type, key), context);
        if (resolved.Result is { } early)
        {
            await early.ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new WebSocketGrainConnection(socket);
        try
        {
            await resolved.Activation!.AcceptConnectionAsync(connection);
        }
        catch (ActivationGoneException)
        {
            if (silo.IsKilled)
            {
                // Killed while accepting: say nothing, as after kill -9; the caller sees the connection lost.
                connection.Abort("silo stopped");
            }
            else
            {
                await connection.CloseAsync(ConnectionClose.SiloGoingAway("grain deactivated; reconnect to resume"));
            }

            return;
        }

        // The request lives as long as the connection; a killed silo aborts it and the gateway sees it lost.
        await Task.WhenAny(connection.Closed, Task.Delay(Timeout.Infinite, context.RequestAborted));
    }

    /// <summary>The local activation, or the early answer: 421 to the owner, 503 while stopping.</summary>
    private static async Task<(GrainActivation? Activation, IResult? Result)> ResolveLocalAsync(SiloRuntime silo, GrainId grainId, HttpContext context)
    {
        try
        {
            var result = await silo.Catalog.GetOrActivateAsync(grainId, context.RequestAborted);
            if (result.Activation is null)
            {
                context.Response.Headers[RemoteCallProtocol.OwnerHeader] = result.Owner.SiloId;
                return (null, Results.StatusCode(RemoteCallProtocol.MisdirectedStatus));
            }

            return (result.Activation, null);
        }
        catch (SiloStoppingException)
        {
            return (null, Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        }
        catch (Exception e)
        {
            return (null, Results.Json(RemoteExceptions.ToRemote(e), statusCode: StatusCodes.Status500InternalServerError));
        }
    }
}
