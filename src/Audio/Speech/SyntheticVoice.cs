namespace SyncHire.Audio.Speech;

/// <summary>
/// The voice of last resort when espeak-ng is not installed: deterministic and clearly synthetic. Each word becomes
/// a soft two-tone hum whose envelope pulses once per syllable-sized group of letters, with short gaps between
/// words, so the candidate hears the rhythm of the sentence (and the UI can animate it) while the transcript
/// carries the words. The same text always gives the same bytes.
/// </summary>
public sealed class SyntheticVoice : ITextToSpeech
{
    private static readonly TimeSpan PerCharacter = TimeSpan.FromMilliseconds(60);
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(20);
    private const int LettersPerSyllable = 3;
    private const double Peak = 0.3 * short.MaxValue;
    private const double VoicedShareOfWord = 0.8;

    public string Name => "synthetic";

    /// <summary>How long a text sounds: ~60 ms per character, at least 0.4 s, at most 20 s.</summary>
    public static TimeSpan DurationOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = text.Trim().Length;
        if (length == 0)
        {
            return TimeSpan.Zero;
        }

        var duration = PerCharacter * length;
        return duration < Shortest ? Shortest : duration > Longest ? Longest : duration;
    }

    public ValueTask<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Synthesize(text));
    }

    public static byte[] Synthesize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var totalSamples = Pcm16.ByteCount(DurationOf(text), ITextToSpeech.OutputSampleRate) / Pcm16.BytesPerSample;
        var samples = new short[totalSamples];
        if (words.Length == 0)
        {
            return [];
        }

        // Each word takes time in proportion to its length plus one for the space after it.
        var weights = words.Sum(word => word.Length + 1);
        var start = 0;
        var consumedWeight = 0;
        for (var w = 0; w < words.Length; w++)
        {
            consumedWeight += words[w].Length + 1;
            var end = (int)((long)totalSamples * consumedWeight / weights);
            RenderWord(samples.AsSpan(start, end - start), words[w], w);
            start = end;
        }

        return Pcm16.ToBytes(samples);
    }

    private static void RenderWord(Span<short> slot, string word, int wordIndex)
    {
        var voiced = (int)(slot.Length * VoicedShareOfWord);
        if (voiced == 0)
        {
            return;
        }

        // A falling-rising pitch pattern over successive words, so it sounds like intonation, not a test tone.
        var fundamental = 170.0 + 25.0 * (wordIndex % 4);
        var overtone = fundamental * 1.5;
        var syllables = Math.Max(1, (word.Length + LettersPerSyllable - 1) / LettersPerSyllable);
        var rate = (double)ITextToSpeech.OutputSampleRate;
        for (var i = 0; i < voiced; i++)
        {
            var t = i / rate;
            var progress = (double)i / voiced;
            // One smooth pulse per syllable; zero at both ends of the word, so words never click.
            var envelope = Math.Abs(Math.Sin(Math.PI * syllables * progress));
            var tone = 0.6 * Math.Sin(2 * Math.PI * fundamental * t) + 0.4 * Math.Sin(2 * Math.PI * overtone * t);
            slot[i] = (short)Math.Round(Peak * envelope * tone);
        }
    }
}
