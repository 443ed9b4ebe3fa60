using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.TestSupport;

/// <summary>Candidate audio fixtures: PCM16 mono 16 kHz, cut into the 20 ms frames a browser worklet sends.</summary>
public static class TestAudio
{
    public const int SampleRate = ProtocolLimits.InputSampleRate;
    public const int FrameBytes = SampleRate / 50 * 2;

    /// <summary>A spoken-length answer: 2.5 s of a 300 Hz tone (clearly voiced) then 1 s of silence (ends the turn).</summary>
    public static IReadOnlyList<byte[]> ToneAnswerFrames() =>
        Frames([.. Tone(TimeSpan.FromSeconds(2.5), 300, 0.3), .. new byte[Bytes(TimeSpan.FromSeconds(1))]]);

    public static byte[] Tone(TimeSpan duration, double frequency, double amplitude)
    {
        var samples = Bytes(duration) / 2;
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var value = (short)Math.Round(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / SampleRate));
            pcm[2 * i] = (byte)value;
            pcm[2 * i + 1] = (byte)(value >> 8);
        }

        return pcm;
    }

    /// <summary>
    /// <paramref name="speech"/> of a voiced sound with a syllable-like rhythm (a 180 Hz voice under a 4 Hz envelope
    /// that never falls to silence), then <paramref name="trailingSilence"/>: long enough, it ends the turn.
    /// </summary>
    public static byte[] Speech(TimeSpan speech, TimeSpan trailingSilence)
    {
        var voiced = Bytes(speech) / 2;
        var pcm = new byte[(voiced * 2) + Bytes(trailingSilence)];
        for (var i = 0; i < voiced; i++)
        {
            var envelope = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 4 * i / SampleRate));
            var sample = (short)(9000 * envelope * Math.Sin(2 * Math.PI * 180 * i / SampleRate));
            pcm[2 * i] = (byte)sample;
            pcm[(2 * i) + 1] = (byte)(sample >> 8);
        }

        return pcm;
    }

    public static IReadOnlyList<byte[]> Frames(byte[] pcm) => pcm.Chunk(FrameBytes).ToList();

    private static int Bytes(TimeSpan duration) => (int)(duration.TotalSeconds * SampleRate) * 2;
}
