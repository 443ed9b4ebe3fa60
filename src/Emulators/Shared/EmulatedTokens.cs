namespace SyncHire.Emulators.Shared;

/// <summary>
/// How the emulators count tokens: deterministic stand-ins for a real tokenizer, so tests can predict the usage
/// the emulated services report. Text is about four characters a token (the usual rule of thumb for English);
/// audio is a fixed number of tokens a second, which each service documents for itself.
/// </summary>
public static class EmulatedTokens
{
    public static int Text(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + 3) / 4;

    /// <summary>Whole tokens for <paramref name="duration"/> of audio at <paramref name="tokensPerSecond"/>, rounded up.</summary>
    public static int Audio(TimeSpan duration, int tokensPerSecond) =>
        duration <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(duration.TotalSeconds * tokensPerSecond - 1e-9);
}

/// <summary>The usage an emulator reported for one model call, in its own terms, for tests to compare with.</summary>
/// <param name="InputTokens">All input tokens (text and audio, cached or not).</param>
/// <param name="OutputTokens">All output tokens (text and audio).</param>
public sealed record EmulatedUsage(
    int InputTokens,
    int InputAudioTokens,
    int CachedTokens,
    int CachedAudioTokens,
    int OutputTokens,
    int OutputAudioTokens)
{
    public static EmulatedUsage None { get; } = new(0, 0, 0, 0, 0, 0);
}
