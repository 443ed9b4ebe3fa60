using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SyncHire.Grains.Tests.Evaluation;

/// <summary>
/// A stand-in for OpenAI's POST /v1/chat/completions on loopback: each request gets the next scripted reply in the
/// API's response shape, and the request bodies are kept for the test to inspect. The shared OpenAI HTTP emulator
/// answers with its interviewer model and has no structured-output mode, so the evaluator's retry behaviour is
/// proven against scripted bodies here.
/// </summary>
internal sealed class ScriptedChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies;
    private readonly ConcurrentQueue<(JsonObject Body, string? Authorization)> _requests = new();

    private ScriptedChatCompletionsServer(WebApplication app, IEnumerable<ScriptedReply> replies)
    {
        _app = app;
        _replies = new ConcurrentQueue<ScriptedReply>(replies);
    }

    /// <summary>The API base to configure as Evaluation:Endpoint (includes /v1).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<JsonObject> Requests => _requests.Select(r => r.Body).ToList();

    public IReadOnlyList<string?> Authorizations => _requests.Select(r => r.Authorization).ToList();

    public static async Task<ScriptedChatCompletionsServer> StartAsync(params ScriptedReply[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedChatCompletionsServer(app, replies);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        _requests.Enqueue((body, context.Request.Headers.Authorization.ToString()));
        if (!_replies.TryDequeue(out var reply))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("""{"error":{"message":"The script has no more replies.","type":"server_error"}}""");
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Status == StatusCodes.Status200OK
            ? Completion(body["model"]?.GetValue<string>() ?? "unknown", reply).ToJsonString()
            : """{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}""");
    }

    private static JsonObject Completion(string model, ScriptedReply reply) => new()
    {
        ["id"] = "chatcmpl-scripted",
        ["object"] = "chat.completion",
        ["created"] = 1_750_000_000,
        ["model"] = model + "-2024-07-18",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = reply.Content,
                ["refusal"] = reply.Refusal,
                ["annotations"] = new JsonArray(),
            },
            ["logprobs"] = null,
            ["finish_reason"] = reply.FinishReason,
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = 900,
            ["completion_tokens"] = 250,
            ["total_tokens"] = 1150,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 768, ["audio_tokens"] = 0 },
        },
        ["system_fingerprint"] = "fp_scripted",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One scripted reply: an assistant message (content or refusal, with its finish reason) or an HTTP error.</summary>
internal sealed record ScriptedReply(string? Content, int Status = 200, string FinishReason = "stop", string? Refusal = null)
{
    public static ScriptedReply Answer(string content) => new(content);

    public static ScriptedReply HttpError(int status) => new(null, status);

    public static ScriptedReply Refused() => new(null, Refusal: "I can't help with that.");

    public static ScriptedReply CutOff(string content) => new(content, FinishReason: "length");
}
