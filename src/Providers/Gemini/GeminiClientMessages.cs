using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// The BidiGenerateContentClientMessage shapes the session sends besides audio (which <see cref="GeminiAudioInput"/>
/// writes by hand): turns of text, the realtimeInput activity signals and tool responses. Each is a few per turn.
/// </summary>
internal static class GeminiClientMessages
{
    /// <summary>The conversation so far, for a brand-new session replacing a lost one; the model answers only when asked.</summary>
    public static JsonObject History(IReadOnlyList<HistoryTurn> history)
    {
        var turns = new JsonArray();
        foreach (var turn in history)
        {
            turns.Add(Turn(turn.Speaker == Speakers.Interviewer ? "model" : "user", turn.Text));
        }

        return new JsonObject { ["clientContent"] = new JsonObject { ["turns"] = turns, ["turnComplete"] = false } };
    }

    public static JsonObject UserTurn(string text, bool turnComplete) => new()
    {
        ["clientContent"] = new JsonObject { ["turns"] = new JsonArray(Turn("user", text)), ["turnComplete"] = turnComplete },
    };

    /// <summary>A Live session's system instruction is fixed at setup, so a change goes to the model as a stage direction.</summary>
    public static JsonObject InstructionsChanged(string instructions) =>
        UserTurn($"[Your instructions have changed. From now on follow these instructions:\n{instructions}]", turnComplete: false);

    public static JsonObject ActivityStart() => RealtimeInput(new JsonObject { ["activityStart"] = new JsonObject() });

    public static JsonObject ActivityEnd() => RealtimeInput(new JsonObject { ["activityEnd"] = new JsonObject() });

    public static JsonObject AudioStreamEnd() => RealtimeInput(new JsonObject { ["audioStreamEnd"] = true });

    /// <summary>A FunctionResponse's response is a JSON object; any other result is wrapped in one.</summary>
    /// <exception cref="ArgumentException"><paramref name="resultJson"/> is not JSON.</exception>
    public static JsonNode FunctionResult(string callId, string resultJson)
    {
        try
        {
            return JsonNode.Parse(resultJson) is JsonObject result ? result : new JsonObject { ["result"] = JsonNode.Parse(resultJson) };
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The result of tool call {callId} is not valid JSON: {exception.Message}", nameof(resultJson), exception);
        }
    }

    public static JsonObject ToolResponse(string callId, string name, JsonNode response) => new()
    {
        ["toolResponse"] = new JsonObject
        {
            ["functionResponses"] = new JsonArray(new JsonObject { ["id"] = callId, ["name"] = name, ["response"] = response }),
        },
    };

    private static JsonObject RealtimeInput(JsonObject input) => new() { ["realtimeInput"] = input };

    private static JsonObject Turn(string role, string text) =>
        new() { ["role"] = role, ["parts"] = new JsonArray(new JsonObject { ["text"] = text }) };
}
