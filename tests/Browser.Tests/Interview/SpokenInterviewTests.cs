using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHire.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Interview;

/// <summary>
/// A candidate takes a whole practice interview by voice: the setup form with a CV, the room with a microphone that
/// plays real speech, the interviewer's voice, and the results page with the report.
/// </summary>
public sealed class SpokenInterviewTests
{
    [Fact]
    public async Task Setup_with_a_cv_then_spoken_answers_move_the_interview_on_and_the_results_show_the_report()
    {
        var speech = await SpeechRecording.AnswerWavAsync();
        await using var host = await AppHost.StartAsync();
        await using var browser = await BrowserSession.StartAsync(new Microphone.PlayingFile(speech));
        var page = browser.Page;
        var cv = CvDocument.WriteDocx("ada-lovelace-cv.docx",
            "Ada Lovelace", "Senior backend engineer", "Built a payments platform in Go and PostgreSQL.");

        // Setup: every field of the form, the CV through the file input.
        await page.GotoAsync(host.Url("/").ToString());
        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByLabel("What skill or topic").FillAsync("Payments backend");
        await page.GetByLabel("Advanced").CheckAsync();
        await page.GetByLabel("Your CV").SetInputFilesAsync(cv);
        await page.GetByLabel("I agree that this interview is recorded").CheckAsync();
        await browser.ScreenshotAsync("01-setup");

        var created = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync(),
            response => response.Url.EndsWith("/api/interviews") && response.Request.Method == "POST");
        Assert.Equal(201, created.Status);
        using var createdBody = JsonDocument.Parse(await created.TextAsync());
        var id = createdBody.RootElement.GetProperty("id").GetString()!;
        // The form carried the file: the gateway read text out of the DOCX.
        var uploaded = createdBody.RootElement.GetProperty("cv");
        Assert.Equal("ada-lovelace-cv.docx", uploaded.GetProperty("fileName").GetString());
        Assert.Equal("docx", uploaded.GetProperty("format").GetString());
        Assert.True(uploaded.GetProperty("characters").GetInt32() > 40);

        // The room: the greeting and the first question arrive; the interviewer is heard.
        await Expect(page).ToHaveURLAsync(new Regex($"/interview/{id}$"));
        var progress = page.Locator("#question-progress");
        await Expect(progress).ToHaveTextAsync("Question 1 of 5");
        await Expect(page.Locator("#room-title")).ToHaveTextAsync("Interview: Payments backend");
        await browser.WaitUntilAsync("() => window.__synchire.playback.samplesScheduled > 24000");
        await browser.ScreenshotAsync("02-room-first-question");

        // Two spoken answers: the fake microphone loops the recording, the server's voice detection ends each turn,
        // and the interviewer moves to question 3.
        await Expect(progress).ToHaveTextAsync("Question 3 of 5", new() { Timeout = 60_000 });
        var candidateLines = page.Locator("#transcript li[data-speaker='candidate'][data-final='true']");
        Assert.True(await candidateLines.CountAsync() >= 2);
        await Expect(candidateLines.First).ToContainTextAsync("spoken answer");
        await Expect(page.Locator("#transcript li[data-speaker='interviewer']").First).ToContainTextAsync("Ada");
        await Expect(page.Locator("#current-question")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#elapsed")).Not.ToHaveTextAsync("00:00");
        await Expect(page.Locator("#cap")).ToHaveTextAsync("1:00:00");
        await browser.ScreenshotAsync("03-room-third-question");

        var stats = await browser.StatsAsync();
        // The microphone heard the speech (espeak at full scale reaches well above the server's 0.02 threshold) and
        // streamed it as 20 ms frames; the interviewer's 24 kHz audio was scheduled for playback back to back.
        Assert.True(stats.Capture.PeakRms > 0.05, $"peak microphone level {stats.Capture.PeakRms}");
        Assert.True(stats.Capture.FramesSent > 250, $"{stats.Capture.FramesSent} frames sent");
        Assert.True(stats.Playback.SecondsScheduled > 5, $"{stats.Playback.SecondsScheduled} s of interviewer audio scheduled");
        Assert.Equal(0, stats.Playback.Underruns);
        Assert.Equal("running", await page.EvaluateAsync<string>("() => window.__synchire.audioState"));

        var recorded = await InterviewRecord.GetAsync(host, id);
        Assert.Equal("in_progress", recorded.Status);
        Assert.True(recorded.CandidateTurns.Count() >= 2);
        Assert.All(recorded.CandidateTurns, turn => Assert.Contains("spoken answer", turn.Text));
        Assert.NotNull(recorded.ConsentGivenAt);

        // End Interview → results with the evaluation.
        await page.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interview/{id}/results$"));
        await Expect(page.Locator("#report")).ToBeVisibleAsync();
        await Expect(page.Locator("#overall-score")).ToHaveTextAsync(new Regex(@"^\d+ / 100$"));
        await Expect(page.Locator("#recommendation")).ToHaveTextAsync(new Regex("^(Strong Hire|Hire|Maybe|No Hire)$"));
        await Expect(page.Locator("#overall-impression")).Not.ToBeEmptyAsync();
        Assert.True(await page.Locator("#strengths li").CountAsync() >= 1);
        Assert.True(await page.Locator("#improvements li").CountAsync() >= 1);
        await Expect(page.Locator("#scores dt")).ToHaveCountAsync(2);
        await Expect(page.Locator("#results-summary")).ToContainTextAsync("You ended the interview.");
        await browser.ScreenshotAsync("04-results");

        var ended = await InterviewRecord.GetAsync(host, id);
        Assert.Equal("completed", ended.Status);
        Assert.Equal("candidate_ended", ended.EndReason);

        // The transcript download is the server's text transcript of this interview.
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Download transcript" }).ClickAsync());
        Assert.Equal($"interview-{id}-transcript.txt", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("spoken answer", text);
        Assert.Contains("Ada", text);

        // And a new interview starts from the setup form again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a new interview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Practice an interview" })).ToBeVisibleAsync();
        Assert.Empty(browser.PageErrors);
    }
}
