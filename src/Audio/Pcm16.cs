using System.Buffers.Binary;

namespace SyncHire.Audio;

/// <summary>
/// Helpers for 16-bit little-endian mono PCM, the only audio format that crosses the system. They work on spans so
/// the per-frame paths (every 20 ms of every interview) allocate nothing.
/// </summary>
public static class Pcm16
{
    public const int BytesPerSample = 2;

    /// <summary>How many whole samples a byte count holds (a trailing odd byte is not a sample).</summary>
    public static int SampleCount(int byteCount) => byteCount / BytesPerSample;

    /// <summary>Decodes little-endian bytes into samples; <paramref name="samples"/> must hold them all.</summary>
    public static void ToSamples(ReadOnlySpan<byte> pcm, Span<short> samples)
    {
        RequireWholeSamples(pcm.Length);
        if (samples.Length < pcm.Length / BytesPerSample)
        {
            throw new ArgumentException(
                $"The sample buffer holds {samples.Length} samples but the audio has {pcm.Length / BytesPerSample}.",
                nameof(samples));
        }

        for (var i = 0; i < pcm.Length / BytesPerSample; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm[(i * BytesPerSample)..]);
        }
    }

    public static short[] ToSamples(ReadOnlySpan<byte> pcm)
    {
        RequireWholeSamples(pcm.Length);
        var samples = new short[pcm.Length / BytesPerSample];
        ToSamples(pcm, samples);
        return samples;
    }

    /// <summary>Encodes samples as little-endian bytes; <paramref name="pcm"/> must hold two bytes per sample.</summary>
    public static void ToBytes(ReadOnlySpan<short> samples, Span<byte> pcm)
    {
        if (pcm.Length < samples.Length * BytesPerSample)
        {
            throw new ArgumentException(
                $"The byte buffer holds {pcm.Length} bytes but {samples.Length} samples need {samples.Length * BytesPerSample}.",
                nameof(pcm));
        }

        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm[(i * BytesPerSample)..], samples[i]);
        }
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples)
    {
        var pcm = new byte[samples.Length * BytesPerSample];
        ToBytes(samples, pcm);
        return pcm;
    }

    /// <summary>
    /// Root-mean-square level normalised to 0..1 (full-scale square wave = 1). A trailing odd byte is ignored;
    /// empty audio is silence (0).
    /// </summary>
    public static double Rms(ReadOnlySpan<byte> pcm)
    {
        var count = pcm.Length / BytesPerSample;
        if (count == 0)
        {
            return 0;
        }

        double sumOfSquares = 0;
        for (var i = 0; i < count; i++)
        {
            double sample = BinaryPrimitives.ReadInt16LittleEndian(pcm[(i * BytesPerSample)..]);
            sumOfSquares += sample * sample;
        }

        return Normalise(sumOfSquares, count);
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sumOfSquares = 0;
        foreach (double sample in samples)
        {
            sumOfSquares += sample * sample;
        }

        return Normalise(sumOfSquares, samples.Length);
    }

    /// <summary>The playing time of <paramref name="byteCount"/> bytes of mono PCM16 at <paramref name="sampleRate"/>.</summary>
    public static TimeSpan Duration(long byteCount, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return SamplesToDuration(byteCount / BytesPerSample, sampleRate);
    }

    /// <summary>The playing time of a sample count; exact to the tick, computed in integers so it never drifts.</summary>
    public static TimeSpan SamplesToDuration(long sampleCount, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return TimeSpan.FromTicks(sampleCount * TimeSpan.TicksPerSecond / sampleRate);
    }

    /// <summary>How many bytes of mono PCM16 play for <paramref name="duration"/> (rounded down to a whole sample).</summary>
    public static int ByteCount(TimeSpan duration, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return checked((int)(duration.Ticks * sampleRate / TimeSpan.TicksPerSecond) * BytesPerSample);
    }

    private static double Normalise(double sumOfSquares, int count) =>
        Math.Min(1.0, Math.Sqrt(sumOfSquares / count) / 32768.0);

    private static void RequireWholeSamples(int byteCount)
    {
        if (byteCount % BytesPerSample != 0)
        {
            throw new ArgumentException($"PCM16 audio must have an even number of bytes; got {byteCount}.");
        }
    }
}
