using System.Text.Json.Nodes;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>The BidiGenerateContentServerMessage shapes the emulator sends (camelCase JSON, one field per message, plus usageMetadata).</summary>
internal static class LiveServerMessages
{
    public static JsonObject SetupComplete() => new() { ["setupComplete"] = new JsonObject() };

    public static JsonObject Audio(ReadOnlySpan<byte> pcm24k) => ServerContent(new JsonObject
    {
        ["modelTurn"] = new JsonObject
        {
            ["parts"] = new JsonArray(new JsonObject
            {
                ["inlineData"] = new JsonObject
                {
                    ["mimeType"] = GeminiLiveProtocol.OutputMimeType,
                    ["data"] = Convert.ToBase64String(pcm24k),
                },
            }),
        },
    });

    public static JsonObject InputTranscription(string text) =>
        ServerContent(new JsonObject { ["inputTranscription"] = new JsonObject { ["text"] = text } });

    public static JsonObject OutputTranscription(string text) =>
        ServerContent(new JsonObject { ["outputTranscription"] = new JsonObject { ["text"] = text } });

    public static JsonObject GenerationComplete() => ServerContent(new JsonObject { ["generationComplete"] = true });

    /// <summary>The end of a model turn, carrying the turn's usage beside it (the one field allowed next to another).</summary>
    public static JsonObject TurnComplete(JsonObject usageMetadata)
    {
        var message = ServerContent(new JsonObject { ["turnComplete"] = true });
        message["usageMetadata"] = usageMetadata;
        return message;
    }

    public static JsonObject Interrupted() => ServerContent(new JsonObject { ["interrupted"] = true });

    public static JsonObject ToolCall(string id, string name, JsonNode? args) => new()
    {
        ["toolCall"] = new JsonObject
        {
            ["functionCalls"] = new JsonArray(new JsonObject { ["id"] = id, ["name"] = name, ["args"] = args ?? new JsonObject() }),
        },
    };

    /// <summary>The function calls an interruption cancelled, by ID.</summary>
    public static JsonObject ToolCallCancellation(IEnumerable<string> ids) => new()
    {
        ["toolCallCancellation"] = new JsonObject { ["ids"] = new JsonArray([.. ids.Select(id => JsonValue.Create(id))]) },
    };

    public static JsonObject ResumptionUpdate(string? newHandle) => new()
    {
        ["sessionResumptionUpdate"] = newHandle is null
            ? new JsonObject { ["resumable"] = false }
            : new JsonObject { ["newHandle"] = newHandle, ["resumable"] = true },
    };

    public static JsonObject GoAway(TimeSpan timeLeft) =>
        new() { ["goAway"] = new JsonObject { ["timeLeft"] = GeminiLiveProtocol.Duration(timeLeft) } };

    private static JsonObject ServerContent(JsonObject content) => new() { ["serverContent"] = content };
}
