using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// The tokens one model turn used, reported as the `usageMetadata` of the message that completes the turn (the
/// Live API reports usage per turn, not as a running total). Every generation step of the turn reads the
/// instructions and the whole conversation again; audio is 32 tokens a second either way, as Google documents;
/// text about four characters a token.
/// </summary>
internal sealed class LiveTurnUsage
{
    public const int AudioTokensPerSecond = 32;

    public int PromptText { get; private set; }

    public int PromptAudio { get; private set; }

    public int ResponseText { get; private set; }

    /// <summary>Counted from the turn's whole audio, so how it was cut into chunks makes no difference.</summary>
    public int ResponseAudio => EmulatedTokens.Audio(_responseAudio, AudioTokensPerSecond);

    private TimeSpan _responseAudio;

    public void Read(int text, int audio)
    {
        PromptText += text;
        PromptAudio += audio;
    }

    public void Said(TimeSpan audio) => _responseAudio += audio;

    public void Called(ModelFunctionCall call) => ResponseText += EmulatedTokens.Text(call.Name) + EmulatedTokens.Text(call.ArgumentsJson);

    public EmulatedUsage ToUsage() =>
        new(PromptText + PromptAudio, PromptAudio, 0, 0, ResponseText + ResponseAudio, ResponseAudio);

    /// <summary>The UsageMetadata object: totals, and per-modality details listing only the modalities present.</summary>
    public JsonObject ToJson() => new()
    {
        ["promptTokenCount"] = PromptText + PromptAudio,
        ["responseTokenCount"] = ResponseText + ResponseAudio,
        ["totalTokenCount"] = PromptText + PromptAudio + ResponseText + ResponseAudio,
        ["promptTokensDetails"] = Details(PromptText, PromptAudio),
        ["responseTokensDetails"] = Details(ResponseText, ResponseAudio),
    };

    private static JsonArray Details(int text, int audio)
    {
        var details = new JsonArray();
        if (text > 0)
        {
            details.Add(new JsonObject { ["modality"] = "TEXT", ["tokenCount"] = text });
        }

        if (audio > 0)
        {
            details.Add(new JsonObject { ["modality"] = "AUDIO", ["tokenCount"] = audio });
        }

        return details;
    }
}
