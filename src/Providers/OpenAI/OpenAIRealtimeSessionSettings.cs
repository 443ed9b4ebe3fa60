using OpenAI.Realtime;

namespace SyncHire.Providers.OpenAI;

/// <summary>
/// The `session.update` a session opens with: instructions, voice (before any audio, as the API requires), PCM16
/// 24 kHz in and out, server VAD or none (push-to-talk), an output-token cap, input transcription and the tools.
/// </summary>
internal static class OpenAIRealtimeSessionSettings
{
    /// <summary>The GA API's PCM rate, both ways.</summary>
    public const int SampleRate = 24_000;

    public static RealtimeConversationSessionOptions Build(OpenAIRealtimeOptions config, RealtimeSessionOptions options)
    {
        var input = new RealtimeConversationSessionInputAudioOptions
        {
            AudioFormat = new RealtimePcmAudioFormat { Rate = SampleRate },
            AudioTranscriptionOptions = new RealtimeAudioTranscriptionOptions { Model = config.InputTranscriptionModel },
        };

        var detection = ResolveTurnDetection(config.TurnDetection, options.TurnDetection);
        if (detection.Mode == TurnDetectionMode.PushToTalk)
        {
            // Sent as "turn_detection": null: only the client's commit ends a turn.
            input.DisableTurnDetection();
        }
        else
        {
            input.TurnDetection = new RealtimeServerVadTurnDetection
            {
                DetectionThreshold = (float)detection.Threshold!.Value,
                PrefixPadding = TimeSpan.FromMilliseconds(detection.PrefixPaddingMs!.Value),
                SilenceDuration = TimeSpan.FromMilliseconds(detection.SilenceDurationMs!.Value),
                CreateResponseEnabled = true,
                // The server stops speaking the moment the candidate does; the grain then truncates what was heard.
                InterruptResponseEnabled = true,
            };
        }

        var session = new RealtimeConversationSessionOptions
        {
            Instructions = options.Instructions,
            AudioOptions = new RealtimeConversationSessionAudioOptions
            {
                InputAudioOptions = input,
                OutputAudioOptions = new RealtimeConversationSessionOutputAudioOptions
                {
                    AudioFormat = new RealtimePcmAudioFormat { Rate = SampleRate },
                    Voice = new RealtimeVoice(options.Voice ?? config.Voice),
                },
            },
            MaxOutputTokenCount = new RealtimeMaxOutputTokenCount(config.MaxOutputTokens),
            ToolChoice = new RealtimeToolChoice(RealtimeDefaultToolChoice.Auto),
        };
        session.OutputModalities.Add(RealtimeOutputModality.Audio);
        foreach (var tool in options.Tools)
        {
            session.Tools.Add(new RealtimeFunctionTool(tool.Name)
            {
                FunctionDescription = tool.Description,
                FunctionParameters = BinaryData.FromString(tool.ParametersJsonSchema),
            });
        }

        return session;
    }

    /// <summary>The interview's turn detection with each unset field taken from the configured defaults.</summary>
    public static TurnDetectionSettings ResolveTurnDetection(OpenAITurnDetectionOptions defaults, TurnDetectionSettings? requested) =>
        new(requested?.Mode ?? defaults.Mode,
            requested?.Threshold ?? defaults.Threshold,
            requested?.PrefixPaddingMs ?? defaults.PrefixPaddingMs,
            requested?.SilenceDurationMs ?? defaults.SilenceDurationMs);
}
