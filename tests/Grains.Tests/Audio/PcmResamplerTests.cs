using SyncHire.Audio;
using Xunit;

namespace SyncHire.Grains.Tests.Audio;

public sealed class PcmResamplerTests
{
    [Theory]
    [InlineData(16_000, 24_000)]
    [InlineData(22_050, 24_000)]
    [InlineData(24_000, 16_000)]
    [InlineData(48_000, 16_000)]
    public void Resampling_keeps_the_duration(int from, int to)
    {
        var input = TestSignals.Sine(440, TimeSpan.FromSeconds(1), from);

        var output = PcmResampler.Resample(input, from, to);

        Assert.InRange(output.Length, to - 1, to);
    }

    [Theory]
    [InlineData(16_000, 24_000)]
    [InlineData(22_050, 24_000)]
    [InlineData(24_000, 16_000)]
    public void Resampling_keeps_a_sines_frequency_and_level(int from, int to)
    {
        var input = TestSignals.Sine(440, TimeSpan.FromSeconds(1), from);

        var output = PcmResampler.Resample(input, from, to);

        Assert.InRange(TestSignals.DominantFrequency(output, to), 438, 442);
        Assert.Equal(Pcm16.Rms(input), Pcm16.Rms(output), 2);
    }

    [Fact]
    public void Streaming_in_odd_sized_chunks_gives_exactly_the_one_shot_result()
    {
        var input = TestSignals.Sine(523, TimeSpan.FromSeconds(0.5), 22_050);
        var expected = PcmResampler.Resample(input, 22_050, 24_000);

        var resampler = new PcmResampler(22_050, 24_000);
        var streamed = new List<short>();
        var offset = 0;
        int[] sizes = [1, 7, 441, 2, 1000, 13];
        for (var i = 0; offset < input.Length; i++)
        {
            var chunk = input.AsSpan(offset, Math.Min(sizes[i % sizes.Length], input.Length - offset));
            var output = new short[resampler.GetOutputLength(chunk.Length)];
            Assert.Equal(output.Length, resampler.Process(chunk, output));
            streamed.AddRange(output);
            offset += chunk.Length;
        }

        Assert.Equal(expected, streamed);
    }

    [Fact]
    public void Byte_streaming_16k_to_24k_gives_one_and_a_half_times_the_bytes()
    {
        var input = TestSignals.Concat(TestSignals.Sine(440, TimeSpan.FromSeconds(1), 16_000));
        var resampler = new PcmResampler(16_000, 24_000);

        var total = TestSignals.Chunks(input, 640).Sum(chunk => resampler.Process(chunk.Span).Length);

        Assert.InRange(total, 48_000 - 2, 48_000);
    }

    [Fact]
    public void Equal_rates_pass_audio_through_unchanged()
    {
        var input = TestSignals.Noise(TimeSpan.FromMilliseconds(50), 16_000, 0.5);

        Assert.Equal(input, PcmResampler.Resample(input, 16_000, 16_000));
    }

    [Fact]
    public void Bad_input_is_rejected_clearly()
    {
        var resampler = new PcmResampler(16_000, 24_000);

        Assert.Throws<ArgumentOutOfRangeException>(() => new PcmResampler(0, 24_000));
        Assert.Contains("even number of bytes", Assert.Throws<ArgumentException>(() => resampler.Process(new byte[3])).Message);
        Assert.Throws<ArgumentException>(() => resampler.Process(new short[100], new short[10]));
    }
}
