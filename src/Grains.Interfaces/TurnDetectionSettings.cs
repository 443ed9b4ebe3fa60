namespace SyncHire.Grains.Interfaces;

/// <summary>
/// How the end of the candidate's turn is found. Server VAD: the provider detects it (threshold 0..1, audio kept
/// before speech, silence that ends a turn). Push-to-talk: only an explicit commit (`send_for_AI_processing`) ends
/// a turn. Null fields take the provider's configured defaults.
/// </summary>
[GenerateSerializer, Alias("synchire.TurnDetectionSettings")]
public sealed record TurnDetectionSettings(
    TurnDetectionMode Mode,
    double? Threshold = null,
    int? PrefixPaddingMs = null,
    int? SilenceDurationMs = null);

[GenerateSerializer, Alias("synchire.TurnDetectionMode")]
public enum TurnDetectionMode
{
    ServerVad,
    PushToTalk,
}
