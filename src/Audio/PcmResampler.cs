using System.Runtime.InteropServices;

namespace SyncHire.Audio;

/// <summary>
/// Linear-interpolation resampler for mono PCM16 between any two rates (16 kHz → 24 kHz for OpenAI, espeak's
/// 22050 Hz → 24 kHz). It is streaming-safe: the read position and the last input sample carry over between
/// chunks, so resampling a stream chunk by chunk gives exactly the samples of resampling it in one piece.
/// </summary>
/// <remarks>
/// The position is kept as an integer numerator over <see cref="OutputRate"/> rather than a double, so phase never
/// drifts however long the interview runs. Linear interpolation is enough for speech at these close rates; it is
/// not a band-limited filter, so downsampling aliases content above the new Nyquist frequency.
/// </remarks>
public sealed class PcmResampler
{
    // Positions are measured in input samples × OutputRate, relative to the held sample (index 0 of the
    // "extended" chunk [held, chunk...]). The first chunk has no held sample, so it starts one sample in.
    private long _position;
    private short _held;

    public PcmResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        _position = outputRate;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>The exact number of samples the next <see cref="Process(ReadOnlySpan{short}, Span{short})"/> of this many input samples writes.</summary>
    public int GetOutputLength(int inputSampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputSampleCount);
        if (InputRate == OutputRate)
        {
            return inputSampleCount;
        }

        var limit = (long)inputSampleCount * OutputRate;
        return _position > limit ? 0 : checked((int)((limit - _position) / InputRate + 1));
    }

    /// <summary>Resamples one chunk into <paramref name="output"/>; returns how many samples were written.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        var count = GetOutputLength(input.Length);
        if (output.Length < count)
        {
            throw new ArgumentException($"The output buffer holds {output.Length} samples; this chunk needs {count}.", nameof(output));
        }

        if (input.IsEmpty)
        {
            return 0;
        }

        if (InputRate == OutputRate)
        {
            input.CopyTo(output);
            return input.Length;
        }

        var position = _position;
        for (var i = 0; i < count; i++)
        {
            var index = position / OutputRate;
            var fraction = position % OutputRate;
            var left = index == 0 ? _held : input[(int)index - 1];
            if (fraction == 0)
            {
                output[i] = left;
            }
            else
            {
                var right = input[(int)index];
                // Rounded integer interpolation: deterministic on every platform.
                var weighted = (long)left * (OutputRate - fraction) + (long)right * fraction;
                output[i] = (short)Math.Round((double)weighted / OutputRate, MidpointRounding.AwayFromZero);
            }

            position += InputRate;
        }

        _held = input[^1];
        _position = position - (long)input.Length * OutputRate;
        return count;
    }

    /// <summary>Resamples one chunk of little-endian PCM16 bytes; returns the bytes written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length % Pcm16.BytesPerSample != 0)
        {
            throw new ArgumentException($"PCM16 audio must have an even number of bytes; got {input.Length}.", nameof(input));
        }

        if (BitConverter.IsLittleEndian)
        {
            return Process(MemoryMarshal.Cast<byte, short>(input), MemoryMarshal.Cast<byte, short>(output)) * Pcm16.BytesPerSample;
        }

        var samples = Pcm16.ToSamples(input);
        var resampled = new short[GetOutputLength(samples.Length)];
        var written = Process(samples, resampled);
        Pcm16.ToBytes(resampled.AsSpan(0, written), output);
        return written * Pcm16.BytesPerSample;
    }

    /// <summary>Resamples one chunk of PCM16 bytes into a new array.</summary>
    public byte[] Process(ReadOnlySpan<byte> input)
    {
        var output = new byte[GetOutputLength(input.Length / Pcm16.BytesPerSample) * Pcm16.BytesPerSample];
        var written = Process(input, output);
        return written == output.Length ? output : output[..written];
    }

    /// <summary>One-shot resampling of a whole clip.</summary>
    public static short[] Resample(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        var resampler = new PcmResampler(inputRate, outputRate);
        var output = new short[resampler.GetOutputLength(input.Length)];
        resampler.Process(input, output);
        return output;
    }

    /// <summary>One-shot resampling of a whole clip of PCM16 bytes.</summary>
    public static byte[] Resample(ReadOnlySpan<byte> input, int inputRate, int outputRate) =>
        new PcmResampler(inputRate, outputRate).Process(input);
}
