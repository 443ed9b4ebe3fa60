using SyncHire.Audio;

namespace SyncHire.Grains.Tests.Audio;

/// <summary>Synthesised PCM16 test signals: exact, so offsets and levels can be asserted precisely.</summary>
internal static class TestSignals
{
    public static short[] Sine(double frequency, TimeSpan duration, int sampleRate, double amplitude = 0.3)
    {
        var samples = new short[SampleCount(duration, sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static short[] Silence(TimeSpan duration, int sampleRate) => new short[SampleCount(duration, sampleRate)];

    /// <summary>Uniform white noise with a fixed seed, so every run hears the same noise.</summary>
    public static short[] Noise(TimeSpan duration, int sampleRate, double amplitude, int seed = 7)
    {
        var random = new Random(seed);
        var samples = new short[SampleCount(duration, sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * short.MaxValue * (random.NextDouble() * 2 - 1));
        }

        return samples;
    }

    public static byte[] Concat(params short[][] parts) => Pcm16.ToBytes(parts.SelectMany(part => part).ToArray());

    /// <summary>Cuts audio into consecutive chunks of the given sizes, cycling through them.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] audio, params int[] sizes)
    {
        var offset = 0;
        for (var i = 0; offset < audio.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], audio.Length - offset);
            yield return audio.AsMemory(offset, size);
            offset += size;
        }
    }

    /// <summary>Frequency from positive-going zero crossings: exact enough to tell 440 Hz from 400 or 480 Hz.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                crossings++;
            }
        }

        return crossings * (double)sampleRate / samples.Length;
    }

    private static int SampleCount(TimeSpan duration, int sampleRate) => (int)(duration.Ticks * sampleRate / TimeSpan.TicksPerSecond);
}
