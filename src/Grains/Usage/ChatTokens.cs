using OpenAI.Chat;
using SyncHire.Providers;

namespace SyncHire.Grains.Usage;

/// <summary>The usage of an OpenAI chat completion (`usage` of the response) as <see cref="TokenUsage"/>.</summary>
public static class ChatTokens
{
    /// <summary>A completion's usage, named for the model that answered (the response says which).</summary>
    public static TokenUsage? From(ChatCompletion completion) => From(completion.Usage) is { } tokens
        ? tokens with { Model = string.IsNullOrEmpty(completion.Model) ? null : completion.Model }
        : null;

    /// <summary>Null when the response carried no usage (some OpenAI-compatible servers leave it out).</summary>
    public static TokenUsage? From(ChatTokenUsage? usage) => usage is null ? null : new TokenUsage(
        Input: usage.InputTokenCount,
        Output: usage.OutputTokenCount,
        Cached: usage.InputTokenDetails?.CachedTokenCount ?? 0,
        InputAudio: usage.InputTokenDetails?.AudioTokenCount ?? 0,
        OutputAudio: usage.OutputTokenDetails?.AudioTokenCount ?? 0);
}
