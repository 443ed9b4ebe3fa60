using System.Globalization;

namespace SyncHire.Providers.Offline;

/// <summary>One finished candidate turn as the offline interviewer understands it.</summary>
/// <param name="Transcript">What goes into the transcript: typed text, or an honest note for untranscribed speech.</param>
/// <param name="IsShort">Short enough to deserve a follow-up question.</param>
/// <param name="SpeechStoppedAt">Where the voice activity detector ended the speech, when it had declared speech.</param>
internal sealed record CandidateAnswer(string Transcript, bool IsShort, TimeSpan? SpeechStoppedAt)
{
    public static readonly TimeSpan ShortSpeech = TimeSpan.FromSeconds(2);
    public const int ShortTextWords = 6;

    /// <summary>Speech the detector measured. The offline interviewer has no recogniser, and the transcript says so.</summary>
    public static CandidateAnswer Spoken(TimeSpan speechDuration, TimeSpan stoppedAt) =>
        new(string.Create(CultureInfo.InvariantCulture, $"(spoken answer, {speechDuration.TotalSeconds:0.0} s; not transcribed offline)"),
            speechDuration < ShortSpeech,
            stoppedAt);

    /// <summary>A turn committed with audio in which no speech was detected.</summary>
    public static CandidateAnswer Unvoiced(TimeSpan audioDuration) =>
        new(string.Create(CultureInfo.InvariantCulture, $"(no speech detected in {audioDuration.TotalSeconds:0.0} s of audio)"),
            IsShort: true,
            SpeechStoppedAt: null);

    public static CandidateAnswer Typed(string text, TimeSpan? speechStoppedAt) =>
        new(text, CountWords(text) < ShortTextWords, speechStoppedAt);

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
