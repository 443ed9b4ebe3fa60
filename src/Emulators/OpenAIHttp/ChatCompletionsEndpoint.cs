using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// POST /v1/chat/completions: the deterministic interviewer model decides the assistant message (content and/or one
/// tool call), answered as a <c>chat.completion</c> object, or with stream=true as <c>chat.completion.chunk</c>
/// server-sent events ending in <c>data: [DONE]</c>.
/// </summary>
internal static class ChatCompletionsEndpoint
{
    private const string Fingerprint = "fp_emulator";

    public static async Task HandleAsync(HttpContext context, AdmittedRequest admitted, OpenAIHttpRequestLog log)
    {
        ChatRequest? request;
        string problem;
        string? param;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            request = ChatRequest.TryParse(body, out problem, out param);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            (request, problem, param) = (null, $"We could not parse the JSON body of your request: {exception.Message}", null);
        }

        if (request is null)
        {
            await OpenAIErrors.InvalidRequestAsync(context, problem, param);
            return;
        }

        log.Add(request.Recorded);
        ModelTurn turn;
        try
        {
            turn = InterviewerModel.NextTurn(request.Instructions, request.Conversation, request.OfferedTools);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The emulated model reads tool outputs as JSON; a real model would read anything, so say so plainly.
            await OpenAIErrors.InvalidRequestAsync(context, $"The emulated model could not read a tool message: {exception.Message}", "messages");
            return;
        }

        var completion = Complete(turn, request.Recorded.MaxTokens, PromptTokens(request.Recorded));
        if (!request.Recorded.Stream || request.IncludeUsageInStream)
        {
            // Streamed answers carry usage only when asked (stream_options.include_usage), as the real API's do.
            log.Add(new RecordedUsage(context.Request.Path, new EmulatedUsage(completion.PromptTokens, 0, 0, 0, completion.CompletionTokens, 0)));
        }
        if (request.Recorded.Stream)
        {
            await StreamAsync(context, admitted, request, completion);
            return;
        }

        await admitted.WriteBodyAsync(context, "application/json", Encoding.UTF8.GetBytes(completion.ToJson(request.Recorded.Model).ToJsonString()));
    }

    private static Completion Complete(ModelTurn turn, int? maxTokens, int promptTokens)
    {
        var content = turn.Say;
        var finish = turn.Call is null ? "stop" : "tool_calls";
        var call = turn.Call is { } c ? new RecordedToolCall("call_" + Guid.NewGuid().ToString("N")[..24], c.Name, c.ArgumentsJson) : null;
        var tokens = Tokens(content) + (call is null ? 0 : Tokens(call.Name) + Tokens(call.ArgumentsJson));
        if (maxTokens is { } cap && tokens > cap)
        {
            // Out of tokens: the text stops mid-way and no call is made, as a real model's would.
            content = content is null ? null : content[..Math.Min(content.Length, cap * 4)];
            call = null;
            finish = "length";
            tokens = cap;
        }

        return new Completion("chatcmpl-" + Guid.NewGuid().ToString("N")[..24], DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            content, call, finish, promptTokens, tokens);
    }

    private static async Task StreamAsync(HttpContext context, AdmittedRequest admitted, ChatRequest request, Completion completion)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var model = request.Recorded.Model;
        var chunks = new List<JsonObject> { completion.Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null) };
        foreach (var piece in Words(completion.Content))
        {
            chunks.Add(completion.Chunk(model, new JsonObject { ["content"] = piece }, null));
        }

        if (completion.Call is { } call)
        {
            chunks.Add(completion.Chunk(model, new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["id"] = call.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                }),
            }, null));
            chunks.Add(completion.Chunk(model, new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = call.ArgumentsJson } }),
            }, null));
        }

        chunks.Add(completion.Chunk(model, new JsonObject(), completion.FinishReason));
        if (request.IncludeUsageInStream)
        {
            var usage = completion.Chunk(model, new JsonObject(), null);
            usage["choices"] = new JsonArray();
            usage["usage"] = completion.Usage();
            chunks.Add(usage);
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            if (admitted.Drop && i == chunks.Count / 2)
            {
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return;
            }

            await context.Response.WriteAsync($"data: {chunks[i].ToJsonString()}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    /// <summary>Words with their trailing space: the deltas concatenate to exactly the content.</summary>
    private static IEnumerable<string> Words(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            yield break;
        }

        var start = 0;
        for (var i = 1; i <= content.Length; i++)
        {
            if (i == content.Length || (content[i - 1] == ' ' && content[i] != ' '))
            {
                yield return content[start..i];
                start = i;
            }
        }
    }

    private static int Tokens(string? text) => EmulatedTokens.Text(text);

    private static int PromptTokens(RecordedChatRequest request) =>
        request.Messages.Sum(m => 4 + Tokens(m.Content) + m.ToolCalls.Sum(c => Tokens(c.Name) + Tokens(c.ArgumentsJson)));

    private sealed record Completion(
        string Id, long Created, string? Content, RecordedToolCall? Call, string FinishReason, int PromptTokens, int CompletionTokens)
    {
        public JsonObject ToJson(string model)
        {
            var message = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = Content,
                ["refusal"] = null,
                ["annotations"] = new JsonArray(),
            };
            if (Call is not null)
            {
                message["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = Call.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = Call.Name, ["arguments"] = Call.ArgumentsJson },
                });
            }

            return new JsonObject
            {
                ["id"] = Id,
                ["object"] = "chat.completion",
                ["created"] = Created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = message,
                    ["logprobs"] = null,
                    ["finish_reason"] = FinishReason,
                }),
                ["usage"] = Usage(),
                ["service_tier"] = "default",
                ["system_fingerprint"] = Fingerprint,
            };
        }

        public JsonObject Chunk(string model, JsonObject delta, string? finishReason) => new()
        {
            ["id"] = Id,
            ["object"] = "chat.completion.chunk",
            ["created"] = Created,
            ["model"] = model,
            ["system_fingerprint"] = Fingerprint,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
        };

        public JsonObject Usage() => new()
        {
            ["prompt_tokens"] = PromptTokens,
            ["completion_tokens"] = CompletionTokens,
            ["total_tokens"] = PromptTokens + CompletionTokens,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
            ["completion_tokens_details"] = new JsonObject
            {
                ["reasoning_tokens"] = 0,
                ["audio_tokens"] = 0,
                ["accepted_prediction_tokens"] = 0,
                ["rejected_prediction_tokens"] = 0,
            },
        };
    }
}
