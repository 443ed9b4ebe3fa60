using OpenAI.Realtime;

namespace SyncHire.Providers.OpenAI;

/// <summary>OpenAI Realtime's usage objects as <see cref="TokenUsage"/>.</summary>
internal static class RealtimeTokens
{
    /// <summary>`response.done` → `response.usage`: input_tokens, output_tokens and their token details.</summary>
    public static TokenUsage? From(RealtimeResponseUsage? usage) => usage is null ? null : new TokenUsage(
        Input: usage.InputTokenCount ?? 0,
        Output: usage.OutputTokenCount ?? 0,
        Cached: usage.InputTokenDetails?.CachedTokenCount ?? 0,
        InputAudio: usage.InputTokenDetails?.AudioTokenCount ?? 0,
        CachedAudio: usage.InputTokenDetails?.CachedTokenDetails?.AudioTokenCount ?? 0,
        OutputAudio: usage.OutputTokenDetails?.AudioTokenCount ?? 0);

    /// <summary>
    /// `conversation.item.input_audio_transcription.completed` → `usage`, when the transcription model bills by
    /// tokens; a duration usage (whisper-1) is not tokens and gives null.
    /// </summary>
    public static TokenUsage? From(RealtimeTranscriptionUsage? usage) => usage is RealtimeTranscriptionTokenUsage tokens
        ? new TokenUsage(
            Input: tokens.InputTokenCount,
            Output: tokens.OutputTokenCount,
            InputAudio: tokens.InputTokenDetails?.AudioTokenCount ?? 0)
        : null;
}
