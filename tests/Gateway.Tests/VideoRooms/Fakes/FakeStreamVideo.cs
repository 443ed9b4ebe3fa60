using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SyncHire.TestSupport.Fakes;

namespace SyncHire.Gateway.Tests.VideoRooms.Fakes;

/// <summary>
/// Stream Video's server-side REST API as far as the gateway uses it: user upsert and get-or-create call. Checks
/// what Stream checks — the api_key query, <c>stream-auth-type: jwt</c>, and a server JWT in Authorization signed
/// with the app secret — and, like Stream, refuses call members that are not users. Answers in Stream's shapes.
/// </summary>
public sealed class FakeStreamVideo : IAsyncDisposable
{
    /// <summary>A marker planted in error bodies: it must never reach the gateway's clients.</summary>
    public const string LeakMarker = UpstreamLeak.Marker;

    private readonly string _apiKey;
    private readonly string _apiSecret;
    private readonly ConcurrentDictionary<string, JsonObject> _users = new();
    private readonly ConcurrentDictionary<string, JsonObject> _calls = new();
    private LoopbackService? _service;

    private FakeStreamVideo(string apiKey, string apiSecret)
    {
        _apiKey = apiKey;
        _apiSecret = apiSecret;
    }

    public Uri BaseAddress => _service!.BaseAddress;

    /// <summary>When set, every request is answered 500 with an error body.</summary>
    public bool FailEverything { get; set; }

    /// <summary>When set, every request gets this unusable answer instead of Stream's.</summary>
    public UnusableAnswer? Unusable { get; set; }

    /// <summary>Every request body that passed authentication, with its path, in arrival order.</summary>
    public ConcurrentQueue<(string Path, JsonObject Body)> Requests { get; } = new();

    public IReadOnlyDictionary<string, JsonObject> Users => _users;

    public IReadOnlyDictionary<string, JsonObject> Calls => _calls;

    public static async Task<FakeStreamVideo> StartAsync(string apiKey, string apiSecret)
    {
        var fake = new FakeStreamVideo(apiKey, apiSecret);
        fake._service = await LoopbackService.StartAsync(app =>
        {
            app.MapPost("/api/v2/users", (Delegate)fake.UpsertUsers);
            app.MapPost("/api/v2/video/call/{type}/{id}", fake.GetOrCreateCall);
        });
        return fake;
    }

    private async Task<IResult> UpsertUsers(HttpContext http)
    {
        if (await RefuseAsync(http) is { } refusal)
        {
            return refusal;
        }

        var body = await ReadBodyAsync(http);
        Requests.Enqueue(("/api/v2/users", body));
        var answer = new JsonObject();
        foreach (var (id, user) in body["users"]!.AsObject())
        {
            var stored = user!.DeepClone().AsObject();
            stored["created_at"] = "2025-01-01T00:00:00Z";
            _users[id] = stored;
            answer[id] = stored.DeepClone();
        }

        return Results.Json(new JsonObject { ["duration"] = "1.20ms", ["users"] = answer });
    }

    private async Task<IResult> GetOrCreateCall(HttpContext http, string type, string id)
    {
        if (await RefuseAsync(http) is { } refusal)
        {
            return refusal;
        }

        var body = await ReadBodyAsync(http);
        Requests.Enqueue(($"/api/v2/video/call/{type}/{id}", body));
        var data = body["data"]!.AsObject();
        var involved = data["members"]!.AsArray().Select(m => m!["user_id"]!.GetValue<string>())
            .Append(data["created_by_id"]!.GetValue<string>());
        if (involved.FirstOrDefault(user => !_users.ContainsKey(user)) is { } unknown)
        {
            return Error(400, 4, $"The following users are involved in call create operation, but don't exist: [{unknown}]");
        }

        var cid = $"{type}:{id}";
        var created = !_calls.ContainsKey(cid);
        var call = _calls.GetOrAdd(cid, _ => new JsonObject
        {
            ["cid"] = cid,
            ["id"] = id,
            ["type"] = type,
            ["created_by"] = _users[data["created_by_id"]!.GetValue<string>()].DeepClone(),
            ["custom"] = data["custom"]?.DeepClone() ?? new JsonObject(),
            ["members"] = data["members"]!.DeepClone(),
            ["created_at"] = "2025-01-01T00:00:00Z",
        });
        return Results.Json(new JsonObject
        {
            ["call"] = call.DeepClone(),
            ["members"] = call["members"]!.DeepClone(),
            ["created"] = created,
            ["own_capabilities"] = new JsonArray(),
            ["duration"] = "2.31ms",
        });
    }

    private async Task<IResult?> RefuseAsync(HttpContext http)
    {
        switch (Unusable)
        {
            case UnusableAnswer.EmptyBody:
                return Results.Ok();
            case UnusableAnswer.NotJson:
                return Results.Text($"<html>{LeakMarker}</html>", "text/html");
            case UnusableAnswer.NoCall:
                return Results.Json(new { duration = "0.10ms" });
            case UnusableAnswer.NoAnswer:
                // Holds the request until the gateway gives up on it and closes the connection.
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(499);
        }

        if (FailEverything)
        {
            return Error(500, -1, $"internal error {LeakMarker} secret={_apiSecret}");
        }

        if (http.Request.Query["api_key"] != _apiKey)
        {
            return Error(401, 2, "api_key not found");
        }

        if (http.Request.Headers["stream-auth-type"] != "jwt")
        {
            return Error(401, 2, "stream-auth-type header must be jwt");
        }

        var token = await SignedJwt.VerifyAsync(http.Request.Headers.Authorization.ToString(), _apiSecret, requireLifetime: false);
        if (token is null || !token.TryGetPayloadValue<bool>("server", out var server) || !server)
        {
            return Error(401, 5, "JWTAuth error: signature is not valid or the token is not a server token");
        }

        return null;
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext http) =>
        (await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body))!;

    /// <summary>Stream's error shape (APIError).</summary>
    private static IResult Error(int status, int code, string message) => Results.Json(
        new { code, message, StatusCode = status, duration = "0.10ms", more_info = "https://getstream.io/chat/docs/api_errors_response" },
        statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}

/// <summary>Answers a client cannot use, which Stream (or a proxy before it) could still give.</summary>
public enum UnusableAnswer
{
    /// <summary>200 with no body.</summary>
    EmptyBody,

    /// <summary>200 with an HTML page, as a proxy's error page.</summary>
    NotJson,

    /// <summary>200 with JSON that lacks what the API promises (no users, no call).</summary>
    NoCall,

    /// <summary>No answer at all.</summary>
    NoAnswer,
}
