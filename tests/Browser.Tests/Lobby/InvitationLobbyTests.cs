using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SyncHire.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Lobby;

/// <summary>A candidate opens a hiring platform's invitation link: lobby (microphone check, consent), then the room.</summary>
public sealed class InvitationLobbyTests
{
    [Fact]
    public async Task An_invitation_link_opens_the_lobby_whose_meter_hears_the_microphone_and_consent_leads_into_the_room()
    {
        var speech = await SpeechRecording.AnswerWavAsync();
        await using var host = await AppHost.StartAsync();
        var (id, invitationUrl) = await CreateInvitedInterviewAsync(host);
        await using var browser = await BrowserSession.StartAsync(new Microphone.PlayingFile(speech));
        var page = browser.Page;

        await page.GotoAsync(invitationUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get ready for your interview" })).ToBeVisibleAsync();
        await Expect(page.Locator("#lobby-summary")).ToHaveTextAsync(
            "Hello Katherine Johnson. This is your interview for Backend Engineer: 2 questions, at most 30 minutes.");

        // The level meter moves with the speech the microphone plays.
        await Expect(page.Locator("#mic-status")).ToHaveTextAsync("We can hear you. Your microphone works.");
        var level = int.Parse((await page.GetByRole(AriaRole.Meter, new() { Name = "Microphone level" }).GetAttributeAsync("aria-valuenow"))!);
        Assert.InRange(level, 1, 100);
        await browser.ScreenshotAsync("07-lobby");

        // Consent is asked for before joining.
        await page.GetByRole(AriaRole.Button, new() { Name = "Join interview" }).ClickAsync();
        await Expect(page.Locator("#lobby-consent-error")).ToHaveTextAsync("Please agree to the recording to join the interview.");
        await Expect(page.GetByLabel("I agree that this interview is recorded")).ToBeFocusedAsync();
        Assert.Null((await InterviewRecord.GetAsync(host, id)).ConsentGivenAt);

        await page.GetByLabel("I agree that this interview is recorded").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join interview" }).ClickAsync();
        await page.WaitForURLAsync($"**/interview/{id}");
        await Expect(page.Locator("#question-progress")).ToHaveTextAsync("Question 1 of 2");
        await Expect(page.Locator("#current-question")).ToHaveTextAsync("Tell me about a system you scaled.");
        Assert.NotNull((await InterviewRecord.GetAsync(host, id)).ConsentGivenAt);

        // The room's address works on its own: a reload resumes the interview with its transcript.
        await page.ReloadAsync();
        await Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected");
        await Expect(page.Locator("#transcript li[data-speaker='interviewer']").First).ToContainTextAsync("Katherine");
        Assert.Empty(browser.PageErrors);
    }

    /// <summary>What a hiring platform does: create the interview and issue the candidate's invitation link.</summary>
    private static async Task<(string Id, string InvitationUrl)> CreateInvitedInterviewAsync(AppHost host)
    {
        using var client = host.CreateClient();
        var created = await client.PostAsJsonAsync("api/interviews", new
        {
            candidateName = "Katherine Johnson",
            jobTitle = "Backend Engineer",
            level = "intermediate",
            maxDurationMinutes = 30,
            questions = new[] { "Tell me about a system you scaled.", "How do you test concurrent code?" },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var invitation = await client.PostAsync($"api/interviews/{id}/invitations", null);
        invitation.EnsureSuccessStatusCode();
        var url = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationUrl").GetString()!;
        Assert.StartsWith(host.Url("/join/").ToString(), url);
        return (id, url);
    }
}
