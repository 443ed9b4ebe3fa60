namespace SyncHire.Audio;

/// <summary>Tuning of <see cref="EnergyVoiceActivityDetector"/>.</summary>
/// <param name="SampleRate">Rate of the PCM16 mono audio analysed (the candidate's 16 kHz by default).</param>
/// <param name="Threshold">Normalised RMS (0..1) at or above which a frame counts as voiced.</param>
/// <param name="FrameDuration">Analysis window; speech and silence are judged frame by frame.</param>
/// <param name="MinimumSpeech">Continuous voiced audio needed before speech is declared started (rejects clicks).</param>
/// <param name="SilenceHangover">Continuous silence after speech before it is declared stopped (bridges pauses).</param>
public sealed record VoiceActivityOptions(
    int SampleRate = 16_000,
    double Threshold = 0.02,
    TimeSpan? FrameDuration = null,
    TimeSpan? MinimumSpeech = null,
    TimeSpan? SilenceHangover = null)
{
    public static VoiceActivityOptions Default { get; } = new();

    public TimeSpan Frame => FrameDuration ?? TimeSpan.FromMilliseconds(20);

    public TimeSpan MinimumSpeechDuration => MinimumSpeech ?? TimeSpan.FromMilliseconds(100);

    public TimeSpan SilenceHangoverDuration => SilenceHangover ?? TimeSpan.FromMilliseconds(800);
}
