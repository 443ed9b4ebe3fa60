using System.Text.Json;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>What a client's `setup` message asked for, as far as the emulator acts on it.</summary>
internal sealed record LiveSetup(
    string Model,
    string Instructions,
    IReadOnlyList<string> ToolNames,
    string? Voice,
    bool AutomaticActivityDetection,
    double VoiceThreshold,
    int SilenceDurationMs,
    bool InputTranscription,
    bool OutputTranscription,
    bool SessionResumption,
    string? ResumeHandle)
{
    /// <summary>Reads the "setup" object; throws <see cref="FormatException"/> with a Google-style reason when it is unusable.</summary>
    public static LiveSetup Parse(JsonElement setup)
    {
        if (setup.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Invalid JSON payload received. setup must be an object.");
        }

        var model = String(setup, "model");
        if (string.IsNullOrWhiteSpace(model) || !model.StartsWith("models/", StringComparison.Ordinal))
        {
            throw new FormatException($"setup.model must be \"models/{{model}}\"; got \"{model}\".");
        }

        var instructions = setup.TryGetProperty("systemInstruction", out var system) && system.TryGetProperty("parts", out var parts)
            ? string.Join("\n", parts.EnumerateArray().Select(p => String(p, "text")).Where(t => t is not null))
            : "";

        var tools = new List<string>();
        if (setup.TryGetProperty("tools", out var toolList) && toolList.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in toolList.EnumerateArray())
            {
                if (tool.TryGetProperty("functionDeclarations", out var declarations))
                {
                    tools.AddRange(declarations.EnumerateArray().Select(d => String(d, "name")).OfType<string>());
                }
            }
        }

        string? voice = null;
        if (setup.TryGetProperty("generationConfig", out var generation)
            && generation.TryGetProperty("speechConfig", out var speech)
            && speech.TryGetProperty("voiceConfig", out var voiceConfig)
            && voiceConfig.TryGetProperty("prebuiltVoiceConfig", out var prebuilt))
        {
            voice = String(prebuilt, "voiceName");
        }

        var automatic = true;
        var threshold = 0.02;
        var silenceMs = 500;
        if (setup.TryGetProperty("realtimeInputConfig", out var input)
            && input.TryGetProperty("automaticActivityDetection", out var detection))
        {
            automatic = !(detection.TryGetProperty("disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True);
            threshold = String(detection, "startOfSpeechSensitivity") switch
            {
                "START_SENSITIVITY_HIGH" => 0.01,
                "START_SENSITIVITY_LOW" => 0.05,
                _ => threshold,
            };
            if (detection.TryGetProperty("silenceDurationMs", out var silence) && silence.TryGetInt32(out var ms) && ms > 0)
            {
                silenceMs = ms;
            }
        }

        var resumption = setup.TryGetProperty("sessionResumption", out var resumptionConfig) && resumptionConfig.ValueKind == JsonValueKind.Object;
        var handle = resumption ? String(resumptionConfig, "handle") : null;

        return new LiveSetup(model, instructions, tools, voice, automatic, threshold, silenceMs,
            setup.TryGetProperty("inputAudioTranscription", out _),
            setup.TryGetProperty("outputAudioTranscription", out _),
            resumption,
            string.IsNullOrEmpty(handle) ? null : handle);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
