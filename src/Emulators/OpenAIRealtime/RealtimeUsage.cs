using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The usage a `response.done` reports, counted the way OpenAI documents Realtime billing: user audio is one token
/// per 100 ms, assistant audio one per 50 ms, text about four characters a token. A response reads the whole
/// conversation (and the instructions) as its input; the part an earlier response of the session already read,
/// with the same instructions, is served from the prompt cache, as OpenAI's prefix cache does.
/// </summary>
internal static class RealtimeUsage
{
    public const int InputAudioTokensPerSecond = 10;
    public const int OutputAudioTokensPerSecond = 20;

    /// <param name="Text">Text tokens (instructions, typed and transcribed text, function calls and outputs).</param>
    /// <param name="Audio">Audio tokens (the candidate's speech).</param>
    public sealed record Prompt(string Instructions, int Text, int Audio);

    public static EmulatedUsage For(Prompt prompt, Prompt? previous, int outputText, TimeSpan outputAudio)
    {
        var cachedText = previous is not null && previous.Instructions == prompt.Instructions ? Math.Min(previous.Text, prompt.Text) : 0;
        var cachedAudio = previous is not null && previous.Instructions == prompt.Instructions ? Math.Min(previous.Audio, prompt.Audio) : 0;
        var audioOut = EmulatedTokens.Audio(outputAudio, OutputAudioTokensPerSecond);
        return new EmulatedUsage(
            InputTokens: prompt.Text + prompt.Audio,
            InputAudioTokens: prompt.Audio,
            CachedTokens: cachedText + cachedAudio,
            CachedAudioTokens: cachedAudio,
            OutputTokens: outputText + audioOut,
            OutputAudioTokens: audioOut);
    }

    /// <summary>The GA `usage` object of a realtime response.</summary>
    public static JsonObject ToJson(EmulatedUsage usage) => new()
    {
        ["total_tokens"] = usage.InputTokens + usage.OutputTokens,
        ["input_tokens"] = usage.InputTokens,
        ["output_tokens"] = usage.OutputTokens,
        ["input_token_details"] = new JsonObject
        {
            ["text_tokens"] = usage.InputTokens - usage.InputAudioTokens,
            ["audio_tokens"] = usage.InputAudioTokens,
            ["image_tokens"] = 0,
            ["cached_tokens"] = usage.CachedTokens,
            ["cached_tokens_details"] = new JsonObject
            {
                ["text_tokens"] = usage.CachedTokens - usage.CachedAudioTokens,
                ["audio_tokens"] = usage.CachedAudioTokens,
                ["image_tokens"] = 0,
            },
        },
        ["output_token_details"] = new JsonObject
        {
            ["text_tokens"] = usage.OutputTokens - usage.OutputAudioTokens,
            ["audio_tokens"] = usage.OutputAudioTokens,
        },
    };
}
