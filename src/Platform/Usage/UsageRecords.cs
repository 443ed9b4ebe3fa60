namespace SyncHire.Platform.Usage;

/// <summary>An amount of one kind of usage an interview consumed at a moment (e.g. 12.5 audio seconds in).</summary>
/// <param name="Model">The model that consumed model tokens (prices are per model); null for audio seconds.</param>
public sealed record UsageRecord(string InterviewId, string TenantId, string Kind, double Amount, DateTimeOffset At, string? Model = null)
{
    public const int MaxModelLength = 200;
}

/// <summary>The sum of one kind over a period: over every model, or for <paramref name="Model"/>.</summary>
public sealed record UsageTotal(string Kind, double Amount, string? Model = null);

/// <summary>The kinds the interview pipeline records. Others are allowed (lowercase letters, digits, '_').</summary>
public static class UsageKinds
{
    public const string AudioInSeconds = "audio_in_seconds";
    public const string AudioOutSeconds = "audio_out_seconds";
    public const string InputTokens = "input_tokens";
    public const string OutputTokens = "output_tokens";
    public const string CachedTokens = "cached_tokens";

    // The audio parts of the token kinds above (already counted in them, not in addition). Audio tokens cost several
    // times what text tokens do, so cost control needs them apart; the three totals keep their meaning and names.
    public const string InputAudioTokens = "input_audio_tokens";
    public const string CachedAudioTokens = "cached_audio_tokens";
    public const string OutputAudioTokens = "output_audio_tokens";

    public const int MaxLength = 64;

    public static bool IsValid(string? kind) =>
        !string.IsNullOrEmpty(kind) && kind.Length <= MaxLength && kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
