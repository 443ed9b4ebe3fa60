using System.Text.Json.Nodes;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>A client event the emulated server rejects; it becomes an `error` event and the session stays open, as on the real API.</summary>
public sealed class RealtimeProtocolException(string type, string code, string message, string? param = null) : Exception(message)
{
    public string Type { get; } = type;

    public string Code { get; } = code;

    public string? Param { get; } = param;

    public static RealtimeProtocolException InvalidRequest(string code, string message, string? param = null) =>
        new("invalid_request_error", code, message, param);

    /// <summary>The `error` object of an error event.</summary>
    public JsonObject ToJson(string? clientEventId) => new()
    {
        ["type"] = Type,
        ["code"] = Code,
        ["message"] = Message,
        ["param"] = Param,
        ["event_id"] = clientEventId,
    };
}
