using System.Text.Json;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// A Live API server message's `usageMetadata` as <see cref="TokenUsage"/>. The counts are the usage of one model
/// turn, not running totals of the session: promptTokenCount grows from turn to turn because every turn reads the
/// whole context again, and that is billed again. So each message's usage is added as it comes, once.
/// </summary>
internal static class GeminiTokens
{
    public static TokenUsage? From(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Tool-use prompt tokens are input outside promptTokenCount; thinking tokens are output outside responseTokenCount.
        return new TokenUsage(
            Input: Count(usage, "promptTokenCount") + Count(usage, "toolUsePromptTokenCount"),
            Output: Count(usage, "responseTokenCount") + Count(usage, "thoughtsTokenCount"),
            Cached: Count(usage, "cachedContentTokenCount"),
            InputAudio: Audio(usage, "promptTokensDetails") + Audio(usage, "toolUsePromptTokensDetails"),
            CachedAudio: Audio(usage, "cacheTokensDetails"),
            OutputAudio: Audio(usage, "responseTokensDetails"));
    }

    private static int Count(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count > 0 ? count : 0;

    /// <summary>The AUDIO entry of a ModalityTokenCount list ({modality, tokenCount}).</summary>
    private static int Audio(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var details) && details.ValueKind == JsonValueKind.Array
            ? details.EnumerateArray()
                .Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("modality", out var modality) && modality.ValueEquals("AUDIO"))
                .Sum(d => Count(d, "tokenCount"))
            : 0;
}
