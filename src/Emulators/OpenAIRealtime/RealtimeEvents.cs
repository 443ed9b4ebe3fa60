using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>The shapes of the server's events and items, and IDs that look like the real API's.</summary>
internal static class RealtimeEvents
{
    /// <summary>A server event: `event_id` and `type` first, then its fields.</summary>
    public static JsonObject Event(string type, params (string Name, JsonNode? Value)[] fields)
    {
        var serverEvent = new JsonObject { ["event_id"] = NewId("event"), ["type"] = type };
        foreach (var (name, value) in fields)
        {
            // A node belongs to one parent; values shared between events are copied.
            serverEvent[name] = value?.Parent is null ? value : value.DeepClone();
        }

        return serverEvent;
    }

    /// <summary>An event about one content part: the part's location fields (response, item, indexes), then its own.</summary>
    public static JsonObject PartEvent(string type, object part, params (string Name, JsonNode? Value)[] fields)
    {
        var location = JsonSerializer.SerializeToNode(part)!.AsObject();
        return Event(type, [.. location.Select(p => (p.Key, p.Value?.DeepClone())), .. fields]);
    }

    /// <summary>An assistant message item.</summary>
    public static JsonObject MessageItem(string id, string status, JsonNode[] content) => new()
    {
        ["id"] = id,
        ["object"] = "realtime.item",
        ["type"] = "message",
        ["status"] = status,
        ["role"] = "assistant",
        ["content"] = new JsonArray(content),
    };

    /// <summary>IDs shaped like the real API's: a prefix and 21 random alphanumerics.</summary>
    public static string NewId(string prefix) =>
        $"{prefix}_{RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 21)}";
}
