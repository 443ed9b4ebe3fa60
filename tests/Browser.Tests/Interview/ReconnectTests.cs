using SyncHire.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Interview;

/// <summary>The gateway goes away in the middle of an interview; the room reconnects and the same interview goes on.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task When_the_server_restarts_mid_interview_the_room_reconnects_and_resumes_the_same_interview()
    {
        var speech = await SpeechRecording.AnswerWavAsync();
        await using var host = await AppHost.StartAsync();
        await using var browser = await BrowserSession.StartAsync(new Microphone.PlayingFile(speech));
        var page = browser.Page;

        var id = await SetupForm.StartInterviewAsync(page, host, "Alan Turing", "Distributed systems");
        var progress = page.Locator("#question-progress");
        var connection = page.Locator("#connection-status");
        await Expect(progress).ToHaveTextAsync("Question 2 of 5", new() { Timeout = 60_000 });
        Assert.Equal(1, (await browser.StatsAsync()).Socket.Opens);

        // A real drop: the server process stops. It tells the candidate to reconnect and closes the socket; while it
        // is down every attempt (token, then socket) fails and the room keeps trying.
        await host.StopAsync();
        await Expect(connection).ToHaveTextAsync("Connection lost, reconnecting…");
        await browser.ScreenshotAsync("06-room-reconnecting");
        Assert.Equal(1, (await browser.StatsAsync()).Socket.ReconnectNotices);

        await host.StartAgainAsync();
        await Expect(connection).ToHaveTextAsync("Connected");
        await browser.WaitUntilAsync("() => window.__synchire.socket.opens === 2");

        // Same page, same interview: the transcript so far came back with `resumed`, and the candidate's next spoken
        // answer moves the interview on from where it was.
        Assert.EndsWith($"/interview/{id}", page.Url);
        await Expect(page.Locator("#transcript li[data-speaker='candidate']").First).ToContainTextAsync("spoken answer");
        await Expect(progress).ToHaveTextAsync("Question 3 of 5", new() { Timeout = 60_000 });

        var recorded = await InterviewRecord.GetAsync(host, id);
        Assert.Equal("in_progress", recorded.Status);
        Assert.True(recorded.CandidateTurns.Count() >= 2);
        Assert.InRange(recorded.Progress.Current, 3, 5);
        Assert.Empty(browser.PageErrors);
    }
}
