using Microsoft.Playwright;
using SyncHire.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Setup;

/// <summary>The self-serve flow is limited per client address; the setup page says so plainly.</summary>
public sealed class SelfServeLimitTests
{
    [Fact]
    public async Task Past_its_hourly_allowance_an_address_is_told_to_wait_and_no_interview_is_created()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:SelfServe:InterviewsPerHourPerAddress"] = "1",
        });
        await using var browser = await BrowserSession.StartAsync(new Microphone.Denied());
        var page = browser.Page;

        var first = await SetupForm.StartInterviewAsync(page, host, "Frances Allen", "Optimising compilers");
        await Expect(page.Locator("#question-progress")).ToHaveTextAsync("Question 1 of 5");

        await page.GotoAsync(host.Url("/").ToString());
        await page.GetByLabel("Your name").FillAsync("Frances Allen");
        await page.GetByLabel("What skill or topic").FillAsync("Parallel computing");
        await page.GetByLabel("I agree that this interview is recorded").CheckAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync(),
            response => response.Url.EndsWith("/api/interviews") && response.Request.Method == "POST");

        Assert.Equal(429, refused.Status);
        Assert.Equal("3600", await refused.HeaderValueAsync("retry-after"));
        await Expect(page.Locator("#setup-error")).ToHaveTextAsync(
            "This address has reached its limit of 1 practice interviews per hour; try again in 3600 s.");
        Assert.EndsWith("/", page.Url);

        // The interview that was allowed is untouched by the refusal.
        Assert.Equal("in_progress", (await InterviewRecord.GetAsync(host, first)).Status);
        Assert.Empty(browser.PageErrors);
    }
}
