using SyncHire.Emulators.Shared;
using SyncHire.Grains.Usage;

namespace SyncHire.Providers.Tests;

/// <summary>What an adapter should report for the usage an emulator sent, field by field.</summary>
internal static class ReportedTokens
{
    public static TokenUsage Expected(EmulatedUsage sent) => new(
        Input: sent.InputTokens,
        Output: sent.OutputTokens,
        Cached: sent.CachedTokens,
        InputAudio: sent.InputAudioTokens,
        CachedAudio: sent.CachedAudioTokens,
        OutputAudio: sent.OutputAudioTokens);
}
