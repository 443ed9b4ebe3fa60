using System.Collections.Concurrent;

namespace SyncHire.Emulators.Shared;

/// <summary>
/// The emulators' stand-ins for speech recognition and synthesis. Recognition turns an utterance's length into
/// a deterministic sentence (about 2.5 words a second, so a short answer reads as short); synthesis turns text
/// into a clearly synthetic PCM16 tone sequence whose length follows the text (about 60 ms a character).
/// </summary>
public static class EmulatedSpeech
{
    /// <summary>
    /// The voice repeats every 200 ms: a 5 Hz "syllable" envelope over 220 and 330 Hz tones, all whole multiples of
    /// 5 Hz. It is computed once per sample rate and tiled: working out three sines per sample for every answer was
    /// an eighth of the benchmark emulator's CPU, and the emulator shares the machine with the system it measures.
    /// </summary>
    private const int PeriodsPerSecond = 5;

    private static readonly string[] Words =
        "I worked on that in my last role and the key was to measure first then change one thing at a time while keeping the team informed"
            .Split(' ');

    private static readonly ConcurrentDictionary<int, byte[]> Periods = new();

    public static string Transcribe(TimeSpan speech)
    {
        var count = Math.Max(1, (int)Math.Round(speech.TotalSeconds * 2.5));
        return string.Join(' ', Enumerable.Range(0, count).Select(i => Words[i % Words.Length])) + ".";
    }

    /// <summary>PCM16 little-endian mono at <paramref name="sampleRate"/>.</summary>
    public static byte[] Synthesize(string text, int sampleRate)
    {
        var samples = (int)(Math.Clamp(text.Length * 0.06, 0.3, 30) * sampleRate);
        var pcm = new byte[samples * 2];
        if (sampleRate % PeriodsPerSecond != 0)
        {
            Render(pcm, sampleRate);
            return pcm;
        }

        var period = Periods.GetOrAdd(sampleRate, static rate =>
        {
            var one = new byte[rate / PeriodsPerSecond * 2];
            Render(one, rate);
            return one;
        });
        for (var offset = 0; offset < pcm.Length; offset += period.Length)
        {
            period.AsSpan(0, Math.Min(period.Length, pcm.Length - offset)).CopyTo(pcm.AsSpan(offset));
        }

        return pcm;
    }

    private static void Render(Span<byte> pcm, int sampleRate)
    {
        for (var i = 0; i < pcm.Length / 2; i++)
        {
            var t = (double)i / sampleRate;
            var envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * PeriodsPerSecond * t);
            var value = (short)(6000 * envelope * (Math.Sin(2 * Math.PI * 220 * t) + 0.5 * Math.Sin(2 * Math.PI * 330 * t)));
            pcm[2 * i] = (byte)value;
            pcm[2 * i + 1] = (byte)(value >> 8);
        }
    }
}
