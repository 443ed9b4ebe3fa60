using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SyncHire.TestSupport.Fakes;

/// <summary>
/// The Tavus v2 conversation API as far as the gateway uses it: create (POST /v2/conversations) and end (POST
/// /v2/conversations/{id}/end), authenticated by <c>x-api-key</c>, answering in Tavus's shapes; an unknown or
/// already-ended id gets Tavus's 400 "Invalid conversation_id".
/// </summary>
public sealed class FakeTavus : IAsyncDisposable
{
    private readonly string _apiKey;
    private readonly ConcurrentDictionary<string, JsonObject> _conversations = new();
    private int _created;
    private LoopbackService? _service;

    private FakeTavus(string apiKey) => _apiKey = apiKey;

    public Uri BaseAddress => _service!.BaseAddress;

    /// <summary>When set, every request is answered 500.</summary>
    public bool FailEverything { get; set; }

    /// <summary>Bodies of the create requests that passed authentication.</summary>
    public ConcurrentQueue<JsonObject> CreateRequests { get; } = new();

    /// <summary>Conversations by id, with their "status": active or ended.</summary>
    public IReadOnlyDictionary<string, JsonObject> Conversations => _conversations;

    public static async Task<FakeTavus> StartAsync(string apiKey)
    {
        var fake = new FakeTavus(apiKey);
        fake._service = await LoopbackService.StartAsync(app =>
        {
            app.MapPost("/v2/conversations", (Delegate)fake.Create);
            app.MapPost("/v2/conversations/{id}/end", fake.End);
        });
        return fake;
    }

    /// <summary>Ends a conversation on Tavus's side, as its time limit or participant timeout would.</summary>
    public void Expire(string conversationId) => _conversations[conversationId]["status"] = "ended";

    private async Task<IResult> Create(HttpContext http)
    {
        if (Refuse(http) is { } refusal)
        {
            return refusal;
        }

        var body = (await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body))!;
        CreateRequests.Enqueue(body);
        var id = $"c{Interlocked.Increment(ref _created):x6}";
        var conversation = new JsonObject
        {
            ["conversation_id"] = id,
            ["conversation_name"] = body["conversation_name"]?.DeepClone(),
            ["status"] = "active",
            ["conversation_url"] = $"https://tavus.daily.co/{id}",
            ["replica_id"] = body["replica_id"]?.DeepClone(),
            ["persona_id"] = body["persona_id"]?.DeepClone(),
            ["callback_url"] = null,
            ["created_at"] = "2025-01-01T00:00:00.000Z",
        };
        _conversations[id] = conversation;
        return Results.Json(conversation);
    }

    private IResult End(HttpContext http, string id)
    {
        if (Refuse(http) is { } refusal)
        {
            return refusal;
        }

        if (!_conversations.TryGetValue(id, out var conversation) || conversation["status"]!.GetValue<string>() == "ended")
        {
            return Results.Json(new { error = "Invalid conversation_id" }, statusCode: 400);
        }

        conversation["status"] = "ended";
        return Results.Ok();
    }

    private IResult? Refuse(HttpContext http)
    {
        if (FailEverything)
        {
            return Results.Json(new { error = $"internal error {UpstreamLeak.Marker} key={_apiKey}" }, statusCode: 500);
        }

        return http.Request.Headers["x-api-key"] == _apiKey
            ? null
            : Results.Json(new { message = "Invalid access token" }, statusCode: 401);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
