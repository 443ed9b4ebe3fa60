using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// A /v1/chat/completions request body as the emulated model reads it: system/developer messages become the
/// instructions; user, assistant (content and tool_calls) and tool messages become the conversation.
/// </summary>
internal sealed record ChatRequest(
    RecordedChatRequest Recorded,
    string Instructions,
    IReadOnlyList<ConversationItem> Conversation,
    IReadOnlyCollection<string> OfferedTools,
    bool IncludeUsageInStream)
{
    /// <summary>The parsed request, or null with an OpenAI-style message and param explaining what is wrong.</summary>
    public static ChatRequest? TryParse(JsonNode? body, out string problem, out string? param)
    {
        param = null;
        if (body is not JsonObject request)
        {
            problem = "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.";
            return null;
        }

        var model = request["model"]?.GetValueKind() == JsonValueKind.String ? request["model"]!.GetValue<string>() : "";
        if (model.Length == 0)
        {
            (problem, param) = ("you must provide a model parameter", "model");
            return null;
        }

        if (request["messages"] is not JsonArray { Count: > 0 } messages)
        {
            (problem, param) = ("[] is too short - 'messages'", "messages");
            return null;
        }

        var recordedMessages = new List<RecordedChatMessage>();
        foreach (var node in messages)
        {
            if (ReadMessage(node) is not { } message)
            {
                (problem, param) = ($"Invalid value for 'messages[{recordedMessages.Count}]': each message needs a valid role.", $"messages[{recordedMessages.Count}]");
                return null;
            }

            recordedMessages.Add(message);
        }

        if (ToolPairingProblem(recordedMessages) is { } pairing)
        {
            (problem, param) = (pairing, "messages");
            return null;
        }

        var maxTokens = ReadInt(request["max_completion_tokens"]) ?? ReadInt(request["max_tokens"]);
        if (maxTokens is <= 0)
        {
            (problem, param) = ($"Invalid 'max_completion_tokens': integer below minimum value. Expected a value >= 1, but got {maxTokens} instead.", "max_completion_tokens");
            return null;
        }

        var temperature = request["temperature"]?.GetValueKind() == JsonValueKind.Number ? request["temperature"]!.GetValue<double>() : (double?)null;
        if (temperature is < 0 or > 2)
        {
            (problem, param) = ($"Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got {temperature} instead.", "temperature");
            return null;
        }

        var tools = (request["tools"] as JsonArray ?? [])
            .Select(t => t?["function"]?["name"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        var toolChoice = request["tool_choice"] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => other.ToJsonString(),
        };
        var stream = request["stream"]?.GetValueKind() == JsonValueKind.True;
        var includeUsage = request["stream_options"]?["include_usage"]?.GetValueKind() == JsonValueKind.True;

        problem = "";
        var recorded = new RecordedChatRequest(model, recordedMessages, tools, toolChoice, maxTokens, temperature, stream);
        return new ChatRequest(
            recorded,
            string.Join("\n", recordedMessages.Where(m => m.Role is "system" or "developer").Select(m => m.Content)),
            ToConversation(recordedMessages),
            toolChoice == "none" ? [] : tools,
            includeUsage);
    }

    private static RecordedChatMessage? ReadMessage(JsonNode? node)
    {
        var role = node?["role"]?.GetValueKind() == JsonValueKind.String ? node["role"]!.GetValue<string>() : null;
        if (role is not ("system" or "developer" or "user" or "assistant" or "tool"))
        {
            return null;
        }

        var toolCalls = (node!["tool_calls"] as JsonArray ?? [])
            .Select(c => new RecordedToolCall(
                c?["id"]?.GetValue<string>() ?? "",
                c?["function"]?["name"]?.GetValue<string>() ?? "",
                c?["function"]?["arguments"]?.GetValue<string>() ?? "{}"))
            .ToList();
        return new RecordedChatMessage(role, ReadContent(node["content"]), node["tool_call_id"]?.GetValue<string>(), toolCalls);
    }

    /// <summary>Content is a string or an array of parts; the text parts are what a text model reads.</summary>
    private static string? ReadContent(JsonNode? content) => content switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["type"]?.GetValue<string>() == "text" ? p["text"]?.GetValue<string>() : null)),
        _ => null,
    };

    private static int? ReadInt(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<int>() : null;

    /// <summary>The real API's rule: every assistant tool call is answered by a tool message before the next turn.</summary>
    private static string? ToolPairingProblem(IReadOnlyList<RecordedChatMessage> messages)
    {
        var open = new List<string>();
        foreach (var message in messages)
        {
            if (message.Role == "tool")
            {
                if (message.ToolCallId is null || !open.Remove(message.ToolCallId))
                {
                    return "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.";
                }

                continue;
            }

            if (open.Count > 0)
            {
                return "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
                    $"The following tool_call_ids did not have response messages: {string.Join(", ", open)}";
            }

            if (message.Role == "assistant")
            {
                open.AddRange(message.ToolCalls.Select(c => c.Id));
            }
        }

        return open.Count > 0
            ? $"An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {string.Join(", ", open)}"
            : null;
    }

    private static List<ConversationItem> ToConversation(IEnumerable<RecordedChatMessage> messages)
    {
        var conversation = new List<ConversationItem>();
        foreach (var message in messages)
        {
            switch (message.Role)
            {
                case "user" when !string.IsNullOrEmpty(message.Content):
                    conversation.Add(new ConversationItem.UserMessage(message.Content));
                    break;
                case "assistant":
                    if (!string.IsNullOrEmpty(message.Content))
                    {
                        conversation.Add(new ConversationItem.AssistantMessage(message.Content));
                    }

                    conversation.AddRange(message.ToolCalls.Select(c => new ConversationItem.FunctionCall(c.Id, c.Name, c.ArgumentsJson)));
                    break;
                case "tool":
                    conversation.Add(new ConversationItem.FunctionOutput(message.ToolCallId!, message.Content ?? ""));
                    break;
            }
        }

        return conversation;
    }
}
