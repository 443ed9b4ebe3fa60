using SyncHire.Emulators.Shared;
using SyncHire.Grains.Usage;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests;

/// <summary>What an adapter should report for the usage an emulator sent, field by field.</summary>
internal static class ReportedTokens
{
    /// <param name="model">The model the adapter names on it: the one the session or call used.</param>
    public static TokenUsage Expected(EmulatedUsage sent, string model) => new(
        Input: sent.InputTokens,
        Output: sent.OutputTokens,
        Cached: sent.CachedTokens,
        InputAudio: sent.InputAudioTokens,
        CachedAudio: sent.CachedAudioTokens,
        OutputAudio: sent.OutputAudioTokens)
    {
        Model = model,
    };
}
