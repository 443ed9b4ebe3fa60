using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;
using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The client's `conversation.item.*` events: items it creates (messages, function calls and their outputs),
/// deletes, and truncates (an assistant message the candidate heard only part of).
/// </summary>
internal sealed class ConversationItemRequests(RealtimeConversation conversation, RealtimeEventWriter events, RecordedRealtimeSession record)
{
    public async Task CreateAsync(JsonObject clientEvent)
    {
        if (clientEvent["item"] is not JsonObject item)
        {
            throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'item'.", "item");
        }

        var id = item["id"]?.GetValue<string>() ?? NewId("item");
        var previous = conversation.AppendNew(new ConversationEntry(id, ToModelItem(item)));

        var stored = (JsonObject)item.DeepClone();
        stored["id"] = id;
        stored["object"] = "realtime.item";
        stored["status"] = "completed";
        await events.SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", stored.DeepClone())));
        await events.SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", stored)));
    }

    public async Task DeleteAsync(JsonObject clientEvent)
    {
        var id = clientEvent["item_id"]?.GetValue<string>();
        conversation.Delete(id);
        await events.SendAsync(Event("conversation.item.deleted", ("item_id", id)));
    }

    /// <summary>`conversation.item.truncate`: the client heard only <c>audio_end_ms</c> of an assistant message.</summary>
    public async Task TruncateAsync(JsonObject clientEvent)
    {
        var itemId = clientEvent["item_id"]?.GetValue<string>()
            ?? throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'item_id'.", "item_id");
        var contentIndex = clientEvent["content_index"]?.GetValue<int>() ?? 0;
        var audioEndMs = clientEvent["audio_end_ms"]?.GetValue<int>()
            ?? throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'audio_end_ms'.", "audio_end_ms");
        conversation.Truncate(itemId, contentIndex, audioEndMs);
        record.RecordTruncation(new RecordedTruncation(itemId, contentIndex, audioEndMs));
        await events.SendAsync(Event("conversation.item.truncated", ("item_id", itemId), ("content_index", contentIndex), ("audio_end_ms", audioEndMs)));
    }

    /// <summary>What the emulated model reads from a client item (null: nothing, e.g. a system message).</summary>
    private static ConversationItem? ToModelItem(JsonObject item)
    {
        switch (item["type"]?.GetValue<string>())
        {
            case "message":
                var role = item["role"]?.GetValue<string>();
                if (item["content"] is not JsonArray content || content.Count == 0)
                {
                    throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'item.content'.", "item.content");
                }

                var text = string.Join(' ', content.Select(part => PartText(role, part)));
                return role switch
                {
                    "user" => new ConversationItem.UserMessage(text),
                    "assistant" => new ConversationItem.AssistantMessage(text),
                    "system" => null,
                    _ => throw RealtimeProtocolException.InvalidRequest("invalid_value",
                        $"Invalid value: '{role}'. Supported values are: 'user', 'assistant', and 'system'.", "item.role"),
                };
            case "function_call":
                return new ConversationItem.FunctionCall(
                    Required(item, "call_id"), Required(item, "name"), item["arguments"]?.GetValue<string>() ?? "{}");
            case "function_call_output":
                return new ConversationItem.FunctionOutput(Required(item, "call_id"), Required(item, "output"));
            case var other:
                throw RealtimeProtocolException.InvalidRequest("invalid_value",
                    $"Invalid value: '{other}'. Supported values are: 'message', 'function_call', and 'function_call_output'.", "item.type");
        }
    }

    private static string PartText(string? role, JsonNode? part)
    {
        var type = part?["type"]?.GetValue<string>();
        return (role, type) switch
        {
            ("user" or "system", "input_text") or ("assistant", "output_text") => part!["text"]?.GetValue<string>() ?? "",
            ("user", "input_audio") => part!["transcript"]?.GetValue<string>()
                ?? EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(Convert.FromBase64String(part["audio"]?.GetValue<string>() ?? "").Length / 2.0 / RealtimeSessionConfig.PcmRate)),
            ("assistant", "output_audio") => part!["transcript"]?.GetValue<string>() ?? "",
            _ => throw RealtimeProtocolException.InvalidRequest("invalid_value",
                $"Invalid value: '{type}'. A {role} message cannot hold '{type}' content.", "item.content.type"),
        };
    }

    private static string Required(JsonObject item, string field) =>
        item[field]?.GetValue<string>() ?? throw RealtimeProtocolException.InvalidRequest("missing_required_parameter",
            $"Missing required parameter: 'item.{field}'.", $"item.{field}");
}
