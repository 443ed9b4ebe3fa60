using SyncHire.Audio;
using SyncHire.Audio.Speech;
using Xunit;

namespace SyncHire.Grains.Tests.Audio;

public sealed class SyntheticVoiceTests
{
    private const int Rate = ITextToSpeech.OutputSampleRate;

    [Fact]
    public async Task The_same_text_always_gives_the_same_audio()
    {
        var voice = new SyntheticVoice();

        var first = await voice.SynthesizeAsync("Tell me about yourself.", TestContext.Current.CancellationToken);
        var second = await voice.SynthesizeAsync("Tell me about yourself.", TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Length_is_about_sixty_milliseconds_per_character_within_bounds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(60 * 23), Duration(SyntheticVoice.Synthesize("Tell me about yourself.")));
        Assert.Equal(TimeSpan.FromMilliseconds(400), Duration(SyntheticVoice.Synthesize("Hi")));
        Assert.Equal(TimeSpan.FromSeconds(20), Duration(SyntheticVoice.Synthesize(string.Join(' ', Enumerable.Repeat("word", 400)))));
        Assert.Empty(SyntheticVoice.Synthesize("  "));
    }

    [Fact]
    public void It_is_audible_and_pauses_between_words()
    {
        var pcm = SyntheticVoice.Synthesize("Hello there, please describe your last project.");
        var frame = Pcm16.ByteCount(TimeSpan.FromMilliseconds(10), Rate);
        var levels = Enumerable.Range(0, pcm.Length / frame).Select(i => Pcm16.Rms(pcm.AsSpan(i * frame, frame))).ToList();

        Assert.True(Pcm16.Rms(pcm) > 0.05);
        // Words are separated by near-silence, so the rhythm of the sentence is heard (and VADs see pauses).
        var silentFramesBetweenLoudOnes = levels.Skip(1).SkipLast(1).Count(level => level < 0.005);
        Assert.True(silentFramesBetweenLoudOnes >= 5, $"only {silentFramesBetweenLoudOnes} quiet frames");
    }

    private static TimeSpan Duration(byte[] pcm) => Pcm16.Duration(pcm.Length, Rate);
}
