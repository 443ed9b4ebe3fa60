using OpenAI.Chat;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// The usage of a chat completion (`usage` of the response) as <see cref="TokenUsage"/>. The pipeline maps its own
/// wire usage, as the realtime adapters do (RealtimeTokens, GeminiTokens), so the core needs no OpenAI types.
/// </summary>
internal static class ChatCompletionTokens
{
    /// <summary>Null when the response carried no usage (some OpenAI-compatible servers leave it out).</summary>
    public static TokenUsage? From(ChatCompletion completion) => completion.Usage is { } usage
        ? new TokenUsage(
            Input: usage.InputTokenCount,
            Output: usage.OutputTokenCount,
            Cached: usage.InputTokenDetails?.CachedTokenCount ?? 0,
            InputAudio: usage.InputTokenDetails?.AudioTokenCount ?? 0,
            OutputAudio: usage.OutputTokenDetails?.AudioTokenCount ?? 0)
        {
            // Named for the model that answered (the response says which): prices differ by model.
            Model = string.IsNullOrEmpty(completion.Model) ? null : completion.Model,
        }
        : null;
}
