using SyncHire.Audio;

namespace SyncHire.Providers.Tests.OpenAI.Support;

/// <summary>The candidate's microphone: PCM16 mono 16 kHz, cut into the gateway's 20 ms frames.</summary>
internal static class TestAudio
{
    public const int SampleRate = 16_000;

    /// <summary>A 440 Hz tone (speech as far as a VAD is concerned) followed by silence.</summary>
    public static byte[] ToneThenSilence(TimeSpan tone, TimeSpan silence)
    {
        var toneSamples = (int)(tone.TotalSeconds * SampleRate);
        var samples = new short[toneSamples + (int)(silence.TotalSeconds * SampleRate)];
        for (var i = 0; i < toneSamples; i++)
        {
            samples[i] = (short)(0.3 * short.MaxValue * Math.Sin(2 * Math.PI * 440 * i / SampleRate));
        }

        return Pcm16.ToBytes(samples);
    }

    public static IEnumerable<ReadOnlyMemory<byte>> Frames(byte[] pcm)
    {
        var frame = Pcm16.ByteCount(TimeSpan.FromMilliseconds(20), SampleRate);
        for (var offset = 0; offset < pcm.Length; offset += frame)
        {
            yield return pcm.AsMemory(offset, Math.Min(frame, pcm.Length - offset));
        }
    }
}
