using Microsoft.Playwright;
using SyncHire.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Interview;

/// <summary>A candidate who refuses the microphone still takes the interview, by typing, over the same socket.</summary>
public sealed class TextModeTests
{
    [Fact]
    public async Task A_denied_microphone_switches_the_room_to_typed_answers_and_the_interview_goes_on()
    {
        await using var host = await AppHost.StartAsync();
        await using var browser = await BrowserSession.StartAsync(new Microphone.Denied());
        var page = browser.Page;

        var id = await SetupForm.StartInterviewAsync(page, host, "Grace Hopper", "Compilers");

        // The room says why and offers a visible answer box instead of the microphone controls.
        await Expect(page.Locator("#room-notice")).ToContainTextAsync("Microphone access was blocked");
        await Expect(page.Locator("#room-notice")).ToContainTextAsync("typing");
        var answerBox = page.GetByLabel("Type your answer");
        await Expect(answerBox).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mute microphone" })).ToBeHiddenAsync();
        await Expect(page.Locator("#question-progress")).ToHaveTextAsync("Question 1 of 5");
        await Expect(page.Locator("#speaker-status")).ToHaveTextAsync("Your turn: type your answer below");

        // The interviewer is still heard: only the microphone failed.
        await browser.WaitUntilAsync("() => window.__synchire.playback.samplesScheduled > 24000");

        await answerBox.FillAsync("I would start from the grammar, write a recursive descent parser and test it on real programs.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();

        await Expect(page.Locator("#question-progress")).ToHaveTextAsync("Question 2 of 5");
        await Expect(page.Locator("#transcript li[data-speaker='candidate']").First).ToContainTextAsync("recursive descent parser");
        await Expect(answerBox).ToBeEmptyAsync();
        await browser.ScreenshotAsync("05-room-text-mode");

        var stats = await browser.StatsAsync();
        Assert.Equal("text", stats.Mode);
        Assert.Equal(0, stats.Capture.FramesSent);

        var recorded = await InterviewRecord.GetAsync(host, id);
        var answer = Assert.Single(recorded.CandidateTurns);
        Assert.Equal("I would start from the grammar, write a recursive descent parser and test it on real programs.", answer.Text);
        Assert.Equal(2, recorded.Progress.Current);

        // On a phone-sized screen the transcript moves below the controls instead of beside them.
        await page.SetViewportSizeAsync(390, 844);
        var stage = (await page.Locator(".stage").BoundingBoxAsync())!;
        var transcriptPanel = (await page.Locator(".transcript-panel").BoundingBoxAsync())!;
        Assert.True(transcriptPanel.Y >= stage.Y + stage.Height, "the transcript should stack below the controls");
        Assert.True(stage.Width <= 390);
        await browser.ScreenshotAsync("09-room-phone");
        await page.SetViewportSizeAsync(1280, 900);

        // Ending works the same way, and the typed answer is evaluated.
        await page.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await page.WaitForURLAsync($"**/interview/{id}/results");
        await Expect(page.Locator("#report")).ToBeVisibleAsync();
        Assert.Empty(browser.PageErrors);
    }
}
