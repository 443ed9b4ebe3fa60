using System.Text.Json.Nodes;

namespace SyncHire.Emulators.Shared;

/// <summary>
/// The `usage` of an OpenAI transcription, by the model's billing: whisper-1 bills by the second and reports
/// `{"type": "duration", "seconds"}`; the gpt-4o transcribe models bill by tokens and report
/// `{"type": "tokens", input_tokens, output_tokens, total_tokens, input_token_details}`.
/// </summary>
public static class EmulatedTranscriptionUsage
{
    public const int AudioTokensPerSecond = 10;

    /// <summary>The JSON usage object, and the tokens it reports (null for a duration-billed model).</summary>
    public static (JsonObject Json, EmulatedUsage? Tokens) For(string model, TimeSpan audio, string text)
    {
        if (model.StartsWith("whisper", StringComparison.OrdinalIgnoreCase))
        {
            return (new JsonObject { ["type"] = "duration", ["seconds"] = Math.Max(1, (int)Math.Ceiling(audio.TotalSeconds)) }, null);
        }

        var audioTokens = EmulatedTokens.Audio(audio, AudioTokensPerSecond);
        var outputTokens = EmulatedTokens.Text(text);
        var json = new JsonObject
        {
            ["type"] = "tokens",
            ["input_tokens"] = audioTokens,
            ["output_tokens"] = outputTokens,
            ["total_tokens"] = audioTokens + outputTokens,
            ["input_token_details"] = new JsonObject { ["text_tokens"] = 0, ["audio_tokens"] = audioTokens },
        };
        return (json, new EmulatedUsage(audioTokens, audioTokens, 0, 0, outputTokens, 0));
    }
}
