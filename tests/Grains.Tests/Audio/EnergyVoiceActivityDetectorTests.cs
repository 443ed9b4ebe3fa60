using SyncHire.Audio;
using Xunit;

namespace SyncHire.Grains.Tests.Audio;

public sealed class EnergyVoiceActivityDetectorTests
{
    private const int Rate = 16_000;
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(20);

    // 1.0 s silence, a 1.5 s 440 Hz burst, 1.5 s silence (enough to pass the 800 ms hangover).
    private static readonly byte[] Burst = TestSignals.Concat(
        TestSignals.Silence(TimeSpan.FromSeconds(1), Rate),
        TestSignals.Sine(440, TimeSpan.FromSeconds(1.5), Rate),
        TestSignals.Silence(TimeSpan.FromSeconds(1.5), Rate));

    public static TheoryData<int[]> ChunkSizes => new()
    {
        new[] { 640 },                 // 20 ms frames, as browsers send
        new[] { 333 },                 // odd: every other chunk splits a sample
        new[] { 1, 4097, 2, 77, 9999 }, // mixed, including a single byte
        new[] { Burst.Length },        // everything at once
    };

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void A_tone_burst_between_silences_gives_one_start_and_one_stop_at_its_edges(int[] chunkSizes)
    {
        var events = Run(new EnergyVoiceActivityDetector(), Burst, chunkSizes);

        Assert.Collection(events,
            started =>
            {
                Assert.Equal(VoiceActivityKind.SpeechStarted, started.Kind);
                AssertNear(TimeSpan.FromSeconds(1), started.Offset);
            },
            stopped =>
            {
                Assert.Equal(VoiceActivityKind.SpeechStopped, stopped.Kind);
                AssertNear(TimeSpan.FromSeconds(2.5), stopped.Offset);
                AssertNear(TimeSpan.FromSeconds(1.5), stopped.SpeechDuration);
            });
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void Noise_below_the_threshold_is_not_speech(int[] chunkSizes)
    {
        // Uniform noise of amplitude 0.03 has an RMS of about 0.017, under the default 0.02. Split samples must be
        // reassembled exactly: a byte-swapped quiet sample is a loud one.
        var noise = TestSignals.Concat(TestSignals.Noise(TimeSpan.FromSeconds(3), Rate, 0.03));
        Assert.InRange(Pcm16.Rms(noise), 0.015, 0.019);

        Assert.Empty(Run(new EnergyVoiceActivityDetector(), noise, chunkSizes));
    }

    [Fact]
    public void A_click_shorter_than_the_minimum_speech_is_not_speech()
    {
        var click = TestSignals.Concat(
            TestSignals.Silence(TimeSpan.FromSeconds(0.5), Rate),
            TestSignals.Sine(440, TimeSpan.FromMilliseconds(60), Rate, amplitude: 0.9),
            TestSignals.Silence(TimeSpan.FromSeconds(1), Rate));

        Assert.Empty(Run(new EnergyVoiceActivityDetector(), click, 640));
    }

    [Fact]
    public void Speech_after_a_click_starts_where_the_speech_starts()
    {
        var clickThenSpeech = TestSignals.Concat(
            TestSignals.Silence(TimeSpan.FromSeconds(0.5), Rate),
            TestSignals.Sine(440, TimeSpan.FromMilliseconds(60), Rate, amplitude: 0.9),
            TestSignals.Silence(TimeSpan.FromSeconds(0.44), Rate),
            TestSignals.Sine(440, TimeSpan.FromSeconds(1), Rate),
            TestSignals.Silence(TimeSpan.FromSeconds(1), Rate));

        var events = Run(new EnergyVoiceActivityDetector(), clickThenSpeech, 640);

        Assert.Equal(2, events.Count);
        AssertNear(TimeSpan.FromSeconds(1), events[0].Offset);
        AssertNear(TimeSpan.FromSeconds(1), events[1].SpeechDuration);
    }

    [Fact]
    public void A_pause_shorter_than_the_hangover_stays_within_one_utterance()
    {
        var twoPhrases = TestSignals.Concat(
            TestSignals.Sine(300, TimeSpan.FromSeconds(1), Rate),
            TestSignals.Silence(TimeSpan.FromSeconds(0.5), Rate),
            TestSignals.Sine(300, TimeSpan.FromSeconds(1), Rate),
            TestSignals.Silence(TimeSpan.FromSeconds(1), Rate));

        var events = Run(new EnergyVoiceActivityDetector(), twoPhrases, 640);

        Assert.Equal([VoiceActivityKind.SpeechStarted, VoiceActivityKind.SpeechStopped], events.Select(e => e.Kind));
        AssertNear(TimeSpan.FromSeconds(2.5), events[1].SpeechDuration);
    }

    [Fact]
    public void The_hangover_is_configurable()
    {
        var detector = new EnergyVoiceActivityDetector(new VoiceActivityOptions(SilenceHangover: TimeSpan.FromMilliseconds(300)));
        var twoPhrases = TestSignals.Concat(
            TestSignals.Sine(300, TimeSpan.FromSeconds(1), Rate),
            TestSignals.Silence(TimeSpan.FromSeconds(0.5), Rate),
            TestSignals.Sine(300, TimeSpan.FromSeconds(1), Rate),
            TestSignals.Silence(TimeSpan.FromSeconds(1), Rate));

        var events = Run(detector, twoPhrases, 640);

        Assert.Equal(4, events.Count);
        AssertNear(TimeSpan.FromSeconds(1.5), events[2].Offset);
    }

    [Fact]
    public void Stopping_speech_explicitly_ends_the_utterance_in_progress()
    {
        var detector = new EnergyVoiceActivityDetector();
        var speech = TestSignals.Concat(TestSignals.Silence(TimeSpan.FromSeconds(0.2), Rate), TestSignals.Sine(440, TimeSpan.FromSeconds(1), Rate));
        var events = Run(detector, speech, 640);
        Assert.True(detector.IsSpeaking);

        var stop = detector.StopSpeech();

        Assert.Single(events);
        Assert.NotNull(stop);
        AssertNear(TimeSpan.FromSeconds(1.2), stop.Value.Offset);
        AssertNear(TimeSpan.FromSeconds(1), stop.Value.SpeechDuration);
        Assert.False(detector.IsSpeaking);
        Assert.Null(detector.StopSpeech());
    }

    [Fact]
    public void Offsets_count_every_sample_even_after_a_reset()
    {
        var detector = new EnergyVoiceActivityDetector();
        Run(detector, TestSignals.Concat(TestSignals.Sine(440, TimeSpan.FromSeconds(1), Rate)), 640);
        detector.ResetSpeechState();

        var events = Run(detector, Burst, 640);

        Assert.Equal(TimeSpan.FromSeconds(5), detector.Position);
        AssertNear(TimeSpan.FromSeconds(2), events[0].Offset);
    }

    private static List<VoiceActivityEvent> Run(EnergyVoiceActivityDetector detector, byte[] audio, params int[] chunkSizes)
    {
        var events = new List<VoiceActivityEvent>();
        foreach (var chunk in TestSignals.Chunks(audio, chunkSizes))
        {
            detector.Process(chunk.Span, events);
        }

        return events;
    }

    private static void AssertNear(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - Chunk, expected + Chunk);
}
