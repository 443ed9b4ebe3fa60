using SyncHire.Browser.Tests.Infrastructure;
using SyncHire.Emulators.OpenAIHttp;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Interview;

/// <summary>
/// The candidate talks over the interviewer. With OpenAI Realtime (its emulator, streaming the voice at playback
/// speed and detecting speech on the server), the gateway sends `interrupted` and the room silences the voice at once.
/// </summary>
public sealed class BargeInTests
{
    [Fact]
    public async Task Speaking_over_the_interviewer_stops_its_voice_in_the_browser()
    {
        var speech = await SpeechRecording.AnswerWavAsync();
        await using var emulators = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = true }, (app, options) =>
        {
            OpenAIHttpEmulator.Map(app, options);
            OpenAIRealtimeEmulator.Map(app, options);
        });
        await using var host = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Interviews:DefaultProvider"] = "openai",
            ["Providers:OpenAI:ApiKey"] = emulators.Options.ApiKey,
            ["Providers:OpenAI:Endpoint"] = $"{emulators.BaseAddress.ToString().TrimEnd('/')}/v1",
        });
        await using var browser = await BrowserSession.StartAsync(new Microphone.PlayingFile(speech));
        var page = browser.Page;

        await SetupForm.StartInterviewAsync(page, host, "Barbara Liskov", "Data abstraction");

        // The recording loops, so the candidate speaks again and again; on a slow machine the first time may come
        // before the greeting's audio has arrived, which interrupts nothing. Wait for speech over the playing voice:
        // audio that was scheduled to play is then stopped before it ends, on the event, not later.
        await browser.WaitUntilAsync("() => window.__synchire.playback.interruptions > 0 && window.__synchire.playback.stoppedSources > 0");
        var stats = await browser.StatsAsync();
        Assert.True(stats.Playback.StoppedSources > 0, $"{stats.Playback.StoppedSources} scheduled chunks were stopped");
        Assert.True(stats.Playback.SamplesScheduled > 0);
        await Expect(page.Locator("#speaker-status")).ToHaveTextAsync("You are speaking");
        await Expect(page.Locator("#speaker-card")).ToHaveAttributeAsync("data-speaker", "candidate");
        await browser.ScreenshotAsync("08-room-barge-in");
        Assert.Empty(browser.PageErrors);
    }
}
