namespace SyncHire.Audio.Speech;

/// <summary>Turns the interviewer's words into audio for providers that have no voice of their own.</summary>
public interface ITextToSpeech
{
    /// <summary>Audio rate of every clip: the system's outgoing PCM16 mono rate.</summary>
    public const int OutputSampleRate = 24_000;

    /// <summary>A short name for logs and health output ("espeak-ng", "synthetic").</summary>
    string Name { get; }

    /// <summary>Speaks <paramref name="text"/> as PCM16 little-endian mono at 24 kHz (empty text gives no audio).</summary>
    ValueTask<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken);
}
