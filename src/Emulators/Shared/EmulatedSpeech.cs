namespace SyncHire.Emulators.Shared;

/// <summary>
/// The emulators' stand-ins for speech recognition and synthesis. Recognition turns an utterance's length into
/// a deterministic sentence (about 2.5 words a second, so a short answer reads as short); synthesis turns text
/// into a clearly synthetic PCM16 tone sequence whose length follows the text (about 60 ms a character).
/// </summary>
public static class EmulatedSpeech
{
    private static readonly string[] Words =
        "I worked on that in my last role and the key was to measure first then change one thing at a time while keeping the team informed"
            .Split(' ');

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
        for (var i = 0; i < samples; i++)
        {
            var t = (double)i / sampleRate;
            // A 5 Hz "syllable" envelope over two tones: audible, obviously not a human voice.
            var envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * 5 * t);
            var value = (short)(6000 * envelope * (Math.Sin(2 * Math.PI * 220 * t) + 0.5 * Math.Sin(2 * Math.PI * 330 * t)));
            pcm[2 * i] = (byte)value;
            pcm[2 * i + 1] = (byte)(value >> 8);
        }

        return pcm;
    }
}
