using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncHire.Providers.Gemini;

/// <summary>Everything a connection's `setup` message says; the same for every connection of one session but the handle.</summary>
internal sealed record GeminiSessionSetup(
    Uri Address,
    string ApiKey,
    string Model,
    string Voice,
    string Instructions,
    IReadOnlyList<ToolDefinition> Tools,
    TurnDetectionSettings? TurnDetection)
{
    public bool PushToTalk => TurnDetection?.Mode == TurnDetectionMode.PushToTalk;

    /// <summary>
    /// The BidiGenerateContentSetup message: AUDIO out with a prebuilt voice, transcription both ways, the tools,
    /// activity detection, resumption (with <paramref name="resumeHandle"/> to continue a session) and a sliding
    /// context window so a long interview never hits the context limit.
    /// </summary>
    public JsonObject ToMessage(string instructions, string? resumeHandle)
    {
        var setup = new JsonObject
        {
            ["model"] = Model.StartsWith("models/", StringComparison.Ordinal) ? Model : "models/" + Model,
            ["generationConfig"] = new JsonObject
            {
                ["responseModalities"] = new JsonArray("AUDIO"),
                ["speechConfig"] = new JsonObject
                {
                    ["voiceConfig"] = new JsonObject { ["prebuiltVoiceConfig"] = new JsonObject { ["voiceName"] = Voice } },
                },
            },
            ["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = instructions }) },
            ["realtimeInputConfig"] = new JsonObject { ["automaticActivityDetection"] = ActivityDetection() },
            ["inputAudioTranscription"] = new JsonObject(),
            ["outputAudioTranscription"] = new JsonObject(),
            ["sessionResumption"] = resumeHandle is null ? new JsonObject() : new JsonObject { ["handle"] = resumeHandle },
            ["contextWindowCompression"] = new JsonObject { ["slidingWindow"] = new JsonObject() },
        };
        if (Tools.Count > 0)
        {
            var declarations = new JsonArray();
            foreach (var tool in Tools)
            {
                declarations.Add(new JsonObject
                {
                    ["name"] = tool.Name,
                    ["description"] = tool.Description,
                    ["parameters"] = GeminiSchema.FromJsonSchema(tool.ParametersJsonSchema),
                });
            }

            setup["tools"] = new JsonArray(new JsonObject { ["functionDeclarations"] = declarations });
        }

        return new JsonObject { ["setup"] = setup };
    }

    private JsonObject ActivityDetection()
    {
        if (PushToTalk)
        {
            // The client marks turns itself with activityStart / activityEnd.
            return new JsonObject { ["disabled"] = true };
        }

        var detection = new JsonObject { ["disabled"] = false };
        if (TurnDetection?.Threshold is { } threshold)
        {
            // Gemini has two sensitivities rather than a threshold: a high threshold means hard to trigger.
            detection["startOfSpeechSensitivity"] = threshold > 0.5 ? "START_SENSITIVITY_LOW" : "START_SENSITIVITY_HIGH";
        }

        if (TurnDetection?.PrefixPaddingMs is { } padding)
        {
            detection["prefixPaddingMs"] = padding;
        }

        if (TurnDetection?.SilenceDurationMs is { } silence)
        {
            detection["silenceDurationMs"] = silence;
        }

        return detection;
    }

    /// <summary>Parses a google.protobuf.Duration JSON string ("1.5s"); null when it is not one.</summary>
    public static TimeSpan? ParseDuration(string? value) =>
        value is { Length: > 1 } && value[^1] == 's'
        && double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
