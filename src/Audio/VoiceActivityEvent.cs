namespace SyncHire.Audio;

public enum VoiceActivityKind
{
    SpeechStarted,
    SpeechStopped,
}

/// <summary>A change in voice activity found by <see cref="EnergyVoiceActivityDetector"/>.</summary>
/// <param name="Offset">
/// Where in the audio stream it happened, counted in samples from the first byte the detector saw: the first voiced
/// frame for a start, the end of the last voiced frame for a stop (not the later moment the hangover confirmed it).
/// </param>
/// <param name="SpeechDuration">For a stop, how long the utterance lasted; zero for a start.</param>
public readonly record struct VoiceActivityEvent(VoiceActivityKind Kind, TimeSpan Offset, TimeSpan SpeechDuration);
