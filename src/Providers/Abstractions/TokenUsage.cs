namespace SyncHire.Providers;

/// <summary>
/// Model tokens one call consumed, as the provider reported them. The audio counts are parts of the totals, not
/// additions: <see cref="InputAudio"/> and <see cref="Cached"/> are parts of <see cref="Input"/>,
/// <see cref="CachedAudio"/> of <see cref="Cached"/>, and <see cref="OutputAudio"/> of <see cref="Output"/>. They are
/// kept apart because audio tokens cost several times what text tokens do (OpenAI Realtime: about 8x in, 4x out;
/// Gemini Live: 6x), so a tenant's cost cannot be worked out from the totals alone.
/// </summary>
/// <param name="Input">Every input token: text, audio and images, cached or not (tool-use prompts included).</param>
/// <param name="Output">Every output token: text, audio and reasoning.</param>
/// <param name="Cached">The input tokens served from the provider's prompt cache, billed at a discount.</param>
/// <param name="InputAudio">The input tokens that were audio, cached or not.</param>
/// <param name="CachedAudio">The cached input tokens that were audio (some models price cached audio apart from cached text).</param>
/// <param name="OutputAudio">The output tokens that were audio.</param>
public sealed record TokenUsage(int Input, int Output, int Cached = 0, int InputAudio = 0, int CachedAudio = 0, int OutputAudio = 0)
{
    /// <summary>The model that consumed them: prices differ by model far more than by kind, so the ledger keeps it.</summary>
    public string? Model { get; init; }

    public bool IsEmpty => Input == 0 && Output == 0 && Cached == 0 && InputAudio == 0 && CachedAudio == 0 && OutputAudio == 0;
}
