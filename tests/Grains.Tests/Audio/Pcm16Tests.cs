using SyncHire.Audio;
using Xunit;

namespace SyncHire.Grains.Tests.Audio;

public sealed class Pcm16Tests
{
    [Fact]
    public void Samples_are_decoded_little_endian_and_round_trip()
    {
        byte[] pcm = [0x01, 0x80, 0xFF, 0x7F, 0x00, 0x00, 0xFF, 0xFF];

        var samples = Pcm16.ToSamples(pcm);

        Assert.Equal(new short[] { -32767, 32767, 0, -1 }, samples);
        Assert.Equal(pcm, Pcm16.ToBytes(samples));
    }

    [Fact]
    public void Odd_byte_counts_are_rejected_when_decoding()
    {
        var error = Assert.Throws<ArgumentException>(() => Pcm16.ToSamples(new byte[3]));
        Assert.Contains("even number of bytes", error.Message);
    }

    [Fact]
    public void Rms_is_zero_for_silence_and_empty_audio()
    {
        Assert.Equal(0, Pcm16.Rms(new byte[640]));
        Assert.Equal(0, Pcm16.Rms(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Rms_of_a_full_scale_square_wave_is_one()
    {
        var square = Enumerable.Range(0, 320).Select(i => i % 2 == 0 ? short.MaxValue : short.MinValue).ToArray();

        Assert.InRange(Pcm16.Rms(Pcm16.ToBytes(square)), 0.99998, 1.0);
    }

    [Fact]
    public void Rms_of_a_sine_is_its_amplitude_over_root_two()
    {
        var sine = TestSignals.Sine(440, TimeSpan.FromSeconds(1), 16_000, amplitude: 0.5);

        Assert.Equal(0.5 / Math.Sqrt(2), Pcm16.Rms(Pcm16.ToBytes(sine)), 3);
        Assert.Equal(Pcm16.Rms(sine), Pcm16.Rms(Pcm16.ToBytes(sine)), 12);
    }

    [Fact]
    public void Duration_follows_the_sample_rate()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Pcm16.Duration(32_000, 16_000));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Pcm16.Duration(4_800, 24_000));
        Assert.Equal(TimeSpan.FromMilliseconds(20), Pcm16.Duration(640, 16_000));
        Assert.Equal(4_800, Pcm16.ByteCount(TimeSpan.FromMilliseconds(100), 24_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pcm16.Duration(640, 0));
    }
}
