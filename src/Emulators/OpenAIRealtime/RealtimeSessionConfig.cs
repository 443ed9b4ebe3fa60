using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// A realtime session's configuration as the emulated server holds it: the GA `session` object, starting from the
/// server defaults and changed field by field by each `session.update`.
/// </summary>
public sealed record RealtimeSessionConfig
{
    /// <summary>The only PCM rate the GA API accepts for `audio/pcm`.</summary>
    public const int PcmRate = 24_000;

    public string Model { get; init; } = "gpt-realtime";

    public string Instructions { get; init; } = "";

    public string Voice { get; init; } = "marin";

    public IReadOnlyList<string> OutputModalities { get; init; } = ["audio"];

    public RealtimeAudioFormat InputFormat { get; init; } = new("audio/pcm", PcmRate);

    public RealtimeAudioFormat OutputFormat { get; init; } = new("audio/pcm", PcmRate);

    /// <summary>Null: turn detection off (the client commits each turn).</summary>
    public RealtimeTurnDetection? TurnDetection { get; init; } = new("server_vad", 0.5, 300, 200, CreateResponse: true, InterruptResponse: true);

    /// <summary>Null: input audio is not transcribed for the client.</summary>
    public string? TranscriptionModel { get; init; }

    public IReadOnlyList<RealtimeToolConfig> Tools { get; init; } = [];

    /// <summary>Null: "inf".</summary>
    public int? MaxOutputTokens { get; init; }

    public IReadOnlyList<string> ToolNames => [.. Tools.Select(t => t.Name)];

    private static readonly HashSet<string> KnownFields =
    [
        "type", "model", "instructions", "output_modalities", "audio", "tools", "tool_choice", "max_output_tokens",
        "tracing", "truncation", "prompt", "include",
    ];

    /// <summary>Applies one `session.update`'s `session` object; throws <see cref="RealtimeProtocolException"/> on bad input.</summary>
    public RealtimeSessionConfig Apply(JsonObject session, bool assistantAudioPresent)
    {
        foreach (var (name, _) in session)
        {
            // The GA API rejects fields it does not know (beta-era `temperature`, `voice` at the top level ...).
            if (!KnownFields.Contains(name))
            {
                throw RealtimeProtocolException.InvalidRequest("unknown_parameter", $"Unknown parameter: 'session.{name}'.", $"session.{name}");
            }
        }

        if (session["type"] is { } type && type.GetValue<string>() != "realtime")
        {
            throw RealtimeProtocolException.InvalidRequest("invalid_value",
                $"Invalid value: '{type}'. This endpoint serves conversation sessions: session.type must be 'realtime'.", "session.type");
        }

        var config = this;
        if (session["instructions"] is { } instructions)
        {
            config = config with { Instructions = instructions.GetValue<string>() };
        }

        if (session["output_modalities"] is JsonArray modalities)
        {
            config = config with { OutputModalities = [.. modalities.Select(m => m!.GetValue<string>())] };
        }

        if (session["max_output_tokens"] is { } maxTokens)
        {
            config = config with { MaxOutputTokens = ParseMaxTokens(maxTokens) };
        }

        if (session["tools"] is JsonArray tools)
        {
            config = config with { Tools = [.. tools.Select(ParseTool)] };
        }

        if (session["audio"]?["input"] is JsonObject input)
        {
            config = config.ApplyInput(input);
        }

        if (session["audio"]?["output"] is JsonObject output)
        {
            config = config.ApplyOutput(output, assistantAudioPresent);
        }

        return config;
    }

    private RealtimeSessionConfig ApplyInput(JsonObject input)
    {
        var config = this;
        if (input["format"] is JsonObject format)
        {
            config = config with { InputFormat = ParseFormat(format, "session.audio.input.format") };
        }

        if (input.ContainsKey("transcription"))
        {
            config = config with { TranscriptionModel = input["transcription"] is JsonObject transcription ? transcription["model"]?.GetValue<string>() ?? "whisper-1" : null };
        }

        if (input.ContainsKey("turn_detection"))
        {
            config = config with { TurnDetection = input["turn_detection"] is JsonObject detection ? ParseTurnDetection(detection) : null };
        }

        return config;
    }

    private RealtimeSessionConfig ApplyOutput(JsonObject output, bool assistantAudioPresent)
    {
        var config = this;
        if (output["format"] is JsonObject format)
        {
            config = config with { OutputFormat = ParseFormat(format, "session.audio.output.format") };
        }

        if (output["voice"]?.GetValue<string>() is { } voice && voice != Voice)
        {
            if (assistantAudioPresent)
            {
                throw RealtimeProtocolException.InvalidRequest("cannot_update_voice",
                    "Cannot update a conversation's voice if assistant audio is present.", "session.audio.output.voice");
            }

            config = config with { Voice = voice };
        }

        return config;
    }

    private static RealtimeAudioFormat ParseFormat(JsonObject format, string param)
    {
        var type = format["type"]?.GetValue<string>();
        switch (type)
        {
            case "audio/pcm":
                var rate = format["rate"]?.GetValue<int>() ?? PcmRate;
                if (rate != PcmRate)
                {
                    throw RealtimeProtocolException.InvalidRequest("invalid_value", $"Invalid value: {rate}. Supported values are: {PcmRate}.", $"{param}.rate");
                }

                return new RealtimeAudioFormat(type, rate);
            case "audio/pcmu" or "audio/pcma":
                return new RealtimeAudioFormat(type, 8_000);
            default:
                throw RealtimeProtocolException.InvalidRequest("invalid_value",
                    $"Invalid value: '{type}'. Supported values are: 'audio/pcm', 'audio/pcmu', and 'audio/pcma'.", $"{param}.type");
        }
    }

    private static RealtimeTurnDetection ParseTurnDetection(JsonObject detection)
    {
        var type = detection["type"]?.GetValue<string>();
        if (type is not ("server_vad" or "semantic_vad"))
        {
            throw RealtimeProtocolException.InvalidRequest("invalid_value",
                $"Invalid value: '{type}'. Supported values are: 'server_vad' and 'semantic_vad'.", "session.audio.input.turn_detection.type");
        }

        var threshold = detection["threshold"]?.GetValue<double>() ?? 0.5;
        if (threshold is < 0 or > 1)
        {
            throw RealtimeProtocolException.InvalidRequest("decimal_above_max_value",
                $"Invalid 'session.audio.input.turn_detection.threshold': expected a value between 0 and 1, but got {threshold.ToString(CultureInfo.InvariantCulture)} instead.",
                "session.audio.input.turn_detection.threshold");
        }

        return new RealtimeTurnDetection(
            type,
            threshold,
            detection["prefix_padding_ms"]?.GetValue<int>() ?? 300,
            detection["silence_duration_ms"]?.GetValue<int>() ?? (type == "server_vad" ? 200 : 500),
            detection["create_response"]?.GetValue<bool>() ?? true,
            detection["interrupt_response"]?.GetValue<bool>() ?? true);
    }

    private static RealtimeToolConfig ParseTool(JsonNode? tool)
    {
        if (tool?["type"]?.GetValue<string>() != "function" || tool["name"]?.GetValue<string>() is not { Length: > 0 } name)
        {
            throw RealtimeProtocolException.InvalidRequest("invalid_value", "Each tool must be a function with a name.", "session.tools");
        }

        return new RealtimeToolConfig(name, tool["description"]?.GetValue<string>() ?? "", tool["parameters"]?.ToJsonString() ?? "{}");
    }

    private static int? ParseMaxTokens(JsonNode maxTokens)
    {
        if (maxTokens.GetValueKind() == System.Text.Json.JsonValueKind.String && maxTokens.GetValue<string>() == "inf")
        {
            return null;
        }

        var value = maxTokens.GetValue<int>();
        if (value is < 1 or > 4096)
        {
            throw RealtimeProtocolException.InvalidRequest("integer_above_max_value",
                $"Invalid 'session.max_output_tokens': expected 1 to 4096 or 'inf', but got {value} instead.", "session.max_output_tokens");
        }

        return value;
    }

    /// <summary>The GA `session` object (session.created / session.updated).</summary>
    public JsonObject ToJson(string sessionId) => new()
    {
        ["type"] = "realtime",
        ["object"] = "realtime.session",
        ["id"] = sessionId,
        ["model"] = Model,
        ["output_modalities"] = new JsonArray([.. OutputModalities.Select(m => (JsonNode)m)]),
        ["instructions"] = Instructions,
        ["tools"] = new JsonArray([.. Tools.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = "function",
            ["name"] = t.Name,
            ["description"] = t.Description,
            ["parameters"] = JsonNode.Parse(t.ParametersJson),
        })]),
        ["tool_choice"] = "auto",
        ["max_output_tokens"] = MaxOutputTokens is { } max ? max : "inf",
        ["tracing"] = null,
        ["prompt"] = null,
        ["expires_at"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds(),
        ["audio"] = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["format"] = InputFormat.ToJson(),
                ["transcription"] = TranscriptionModel is null ? null : new JsonObject { ["model"] = TranscriptionModel },
                ["noise_reduction"] = null,
                ["turn_detection"] = TurnDetection?.ToJson(),
            },
            ["output"] = new JsonObject
            {
                ["format"] = OutputFormat.ToJson(),
                ["voice"] = Voice,
                ["speed"] = 1,
            },
        },
        ["include"] = null,
    };
}

public sealed record RealtimeAudioFormat(string Type, int Rate)
{
    public JsonObject ToJson() => Type == "audio/pcm" ? new() { ["type"] = Type, ["rate"] = Rate } : new() { ["type"] = Type };
}

/// <param name="Threshold">0..1; the emulated VAD's RMS threshold is <c>0.04 × Threshold</c> (0.02 at the default 0.5).</param>
public sealed record RealtimeTurnDetection(
    string Type, double Threshold, int PrefixPaddingMs, int SilenceDurationMs, bool CreateResponse, bool InterruptResponse)
{
    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["threshold"] = Threshold,
        ["prefix_padding_ms"] = PrefixPaddingMs,
        ["silence_duration_ms"] = SilenceDurationMs,
        ["idle_timeout_ms"] = null,
        ["create_response"] = CreateResponse,
        ["interrupt_response"] = InterruptResponse,
    };
}

public sealed record RealtimeToolConfig(string Name, string Description, string ParametersJson);
