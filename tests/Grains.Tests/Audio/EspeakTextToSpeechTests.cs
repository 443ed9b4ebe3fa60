using SyncHire.Audio;
using SyncHire.Audio.Speech;
using Xunit;

namespace SyncHire.Grains.Tests.Audio;

/// <summary>Runs the real espeak-ng (installed in CI); skips only where the machine does not have it.</summary>
public sealed class EspeakTextToSpeechTests
{
    [Fact]
    public async Task Hello_becomes_audible_speech_at_24_kHz()
    {
        var espeak = RequireEspeak();

        var pcm = await espeak.SynthesizeAsync("Hello", TestContext.Current.CancellationToken);

        var duration = Pcm16.Duration(pcm.Length, ITextToSpeech.OutputSampleRate);
        Assert.Equal(0, pcm.Length % 2);
        Assert.InRange(duration, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2));
        Assert.True(Pcm16.Rms(pcm) > 0.02, $"RMS {Pcm16.Rms(pcm)} is too quiet for speech.");
    }

    [Fact]
    public async Task Longer_text_takes_longer_to_say()
    {
        var espeak = RequireEspeak();
        var cancellationToken = TestContext.Current.CancellationToken;

        var shortClip = await espeak.SynthesizeAsync("Hello.", cancellationToken);
        var longClip = await espeak.SynthesizeAsync("Hello. Tell me about a project you are proud of, and why.", cancellationToken);

        Assert.True(longClip.Length > 3 * shortClip.Length);
    }

    [Fact]
    public async Task Text_is_spoken_never_interpreted_as_options_or_shell()
    {
        var espeak = RequireEspeak();
        var marker = Path.Combine(Path.GetTempPath(), $"synchire-espeak-{Guid.NewGuid():N}");

        var option = await espeak.SynthesizeAsync("--version", TestContext.Current.CancellationToken);
        var shell = await espeak.SynthesizeAsync($"hi; touch {marker} $(touch {marker})", TestContext.Current.CancellationToken);

        Assert.True(Pcm16.Duration(option.Length, ITextToSpeech.OutputSampleRate) > TimeSpan.FromMilliseconds(300));
        Assert.NotEmpty(shell);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Blank_text_gives_no_audio()
    {
        var espeak = new EspeakTextToSpeech();

        Assert.Empty(await espeak.SynthesizeAsync("   ", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_missing_executable_is_reported_unavailable()
    {
        Assert.False(new EspeakTextToSpeech(executable: "/nonexistent/espeak-ng").IsAvailable);
    }

    [Fact]
    public async Task A_failing_synthesiser_gives_a_clear_error()
    {
        var failing = TestExecutables.Script("echo 'voice not found' >&2; exit 3");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await new EspeakTextToSpeech(failing).SynthesizeAsync("Hello", TestContext.Current.CancellationToken));

        Assert.Contains("code 3", error.Message);
        Assert.Contains("voice not found", error.Message);
    }

    [Fact]
    public async Task A_hung_synthesiser_is_stopped_at_the_timeout()
    {
        var hung = TestExecutables.Script("exec sleep 60");
        var espeak = new EspeakTextToSpeech(hung, timeout: TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<TimeoutException>(
            async () => await espeak.SynthesizeAsync("Hello", TestContext.Current.CancellationToken));
    }

    private static EspeakTextToSpeech RequireEspeak()
    {
        var espeak = new EspeakTextToSpeech();
        if (!espeak.IsAvailable)
        {
            Assert.Skip("espeak-ng is not installed on this machine (CI installs it).");
        }

        return espeak;
    }
}
