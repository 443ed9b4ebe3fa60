using System.Diagnostics;

namespace SyncHire.Bench;

/// <summary>
/// Writes a send timestamp into PCM16 audio so that the far end can tell how long the frame took, and survives the
/// relay's 16 → 24 kHz linear resampling. The stamp is 15 runs of identical samples (two marker runs, twelve 4-bit
/// digits of a 48-bit microsecond clock, a checksum digit); linear interpolation between two equal samples returns
/// that sample exactly, so the inside of every run comes out unchanged at any rate. Runs alternate in sign so that
/// neighbours never merge. Quiet stamps (|v| ≤ 320) stay under the provider's voice-activity threshold; loud ones
/// (|v| ≥ 8000) read as speech. Both ends run on one machine and read the same monotonic clock
/// (<see cref="Stopwatch"/> is CLOCK_MONOTONIC on Linux), so arrival − stamp is the one-way latency.
/// </summary>
public static class FrameStamp
{
    private const int Digits = 12;
    private const int Runs = Digits + 3;
    private const short QuietBase = 40;
    private const short LoudBase = 8000;
    private const short MarkerA = 300;
    private const short MarkerB = 320;
    private const long Mask = (1L << 48) - 1;

    /// <summary>Samples a stamp takes at <paramref name="runLength"/> samples per run.</summary>
    public static int Length(int runLength) => Runs * runLength;

    /// <summary>Now, in microseconds of the monotonic clock, truncated to 48 bits.</summary>
    public static long NowMicros() => Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000) & Mask;

    /// <summary>Microseconds from <paramref name="stampMicros"/> to now (wrap-safe).</summary>
    public static long ElapsedMicros(long stampMicros) => (NowMicros() - stampMicros) & Mask;

    /// <summary>Writes the stamp at the start of <paramref name="samples"/>.</summary>
    public static void Write(Span<short> samples, long micros, bool loud, int runLength)
    {
        var offset = loud ? (short)(LoudBase - QuietBase) : (short)0;
        Span<short> values = stackalloc short[Runs];
        values[0] = MarkerA;
        values[1] = MarkerB;
        var checksum = 0;
        for (var d = 0; d < Digits; d++)
        {
            var digit = (int)(micros >> (4 * (Digits - 1 - d)) & 0xF);
            checksum ^= digit;
            values[2 + d] = (short)(QuietBase + digit * 16);
        }

        values[Runs - 1] = (short)(QuietBase + checksum * 16);
        for (var r = 0; r < Runs; r++)
        {
            var magnitude = (short)(values[r] + offset);
            var value = r % 2 == 0 ? magnitude : (short)-magnitude;
            samples.Slice(r * runLength, runLength).Fill(value);
        }
    }

    /// <summary>Finds a stamp in <paramref name="samples"/> (at any rate); false if there is none intact.</summary>
    public static bool TryRead(ReadOnlySpan<short> samples, out long micros)
    {
        micros = 0;
        // Collapse the audio into runs of at least two equal samples; interpolated edges are single samples.
        Span<short> runs = stackalloc short[64];
        var count = 0;
        for (var i = 0; i + 1 < samples.Length && count < runs.Length;)
        {
            var j = i + 1;
            while (j < samples.Length && samples[j] == samples[i])
            {
                j++;
            }

            if (j - i >= 2)
            {
                runs[count++] = samples[i];
            }

            i = j;
        }

        for (var start = 0; start + Runs <= count; start++)
        {
            if (TryDecode(runs.Slice(start, Runs), out micros))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecode(ReadOnlySpan<short> runs, out long micros)
    {
        micros = 0;
        var offset = Math.Abs((int)runs[0]) >= LoudBase ? LoudBase - QuietBase : 0;
        if (Magnitude(runs[0], 0, offset) != MarkerA || Magnitude(runs[1], 1, offset) != MarkerB)
        {
            return false;
        }

        var checksum = 0;
        for (var d = 0; d < Digits; d++)
        {
            var digit = Digit(Magnitude(runs[2 + d], 2 + d, offset));
            if (digit < 0)
            {
                return false;
            }

            checksum ^= digit;
            micros = micros << 4 | (uint)digit;
        }

        return Digit(Magnitude(runs[Runs - 1], Runs - 1, offset)) == checksum;
    }

    /// <summary>The unsigned stamp value of a run, or -1 when its sign is not the one its position requires.</summary>
    private static int Magnitude(short value, int position, int offset)
    {
        var expectedPositive = position % 2 == 0;
        if (value > 0 != expectedPositive)
        {
            return -1;
        }

        return Math.Abs((int)value) - offset;
    }

    private static int Digit(int value) =>
        value >= QuietBase && (value - QuietBase) % 16 == 0 && (value - QuietBase) / 16 < 16 ? (value - QuietBase) / 16 : -1;
}
