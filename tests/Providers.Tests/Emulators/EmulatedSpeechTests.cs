using SyncHire.Emulators.Shared;

namespace SyncHire.Providers.Tests.Emulators;

/// <summary>The emulators' voice is tiled from one computed 200 ms period; it must still be the same voice.</summary>
public sealed class EmulatedSpeechTests
{
    [Theory]
    [InlineData(24_000)]
    [InlineData(16_000)]
    [InlineData(22_050)]
    public void Tiled_speech_matches_the_voice_computed_sample_by_sample(int sampleRate)
    {
        var text = new string('a', 40); // 2.4 s: twelve periods
        var pcm = EmulatedSpeech.Synthesize(text, sampleRate);

        Assert.Equal((int)(2.4 * sampleRate) * 2, pcm.Length);
        for (var i = 0; i < pcm.Length / 2; i++)
        {
            var t = (double)i / sampleRate;
            var envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * 5 * t);
            var expected = (short)(6000 * envelope * (Math.Sin(2 * Math.PI * 220 * t) + 0.5 * Math.Sin(2 * Math.PI * 330 * t)));
            var actual = (short)(pcm[2 * i] | pcm[2 * i + 1] << 8);
            // Whole periods are equal in exact arithmetic; the sines' rounding may move a truncated sample by one.
            Assert.InRange(actual - expected, -1, 1);
        }
    }

    [Fact]
    public void Two_answers_do_not_share_a_buffer()
    {
        var first = EmulatedSpeech.Synthesize("Hello there.", 24_000);
        first.AsSpan().Clear();

        var second = EmulatedSpeech.Synthesize("Hello there.", 24_000);

        Assert.Contains(second, b => b != 0);
    }
}
