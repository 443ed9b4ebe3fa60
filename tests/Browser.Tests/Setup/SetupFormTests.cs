using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SyncHire.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Setup;

/// <summary>The setup form explains what is wrong, field by field, and creates nothing until it is right.</summary>
public sealed class SetupFormTests
{
    [Fact]
    public async Task Missing_fields_and_unusable_cvs_are_explained_at_their_fields_and_no_interview_is_created()
    {
        await using var host = await AppHost.StartAsync();
        await using var browser = await BrowserSession.StartAsync(new Microphone.Denied());
        var page = browser.Page;
        await page.GotoAsync(host.Url("/").ToString());

        // Keyboard only: the form is reachable and submittable without a mouse.
        await page.GetByLabel("Your name").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#candidate-name-error")).ToHaveTextAsync("Please enter your name.");
        await Expect(page.Locator("#skill-topic-error")).ToHaveTextAsync("Please enter a skill or topic for the interview.");
        await Expect(page.Locator("#setup-consent-error")).ToHaveTextAsync("Please agree to the recording to start the interview.");
        await Expect(page.GetByLabel("Your name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Your name")).ToBeFocusedAsync();

        await page.GetByLabel("Your name").FillAsync("Edsger Dijkstra");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Algorithms");
        await page.GetByLabel("I agree that this interview is recorded").CheckAsync();

        // A file that is not a CV format is refused in the page, before anything is sent.
        var notes = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(notes, "not a cv");
        await page.GetByLabel("Your CV").SetInputFilesAsync(notes);
        await Expect(page.Locator("#cv-error")).ToContainTextAsync("is not a PDF or a Word (.docx) file.");

        // A file that only pretends to be a DOCX is refused by the server; its reason is shown at the file field.
        await page.GetByLabel("Your CV").SetInputFilesAsync(CvDocument.WriteBrokenDocx("cv.docx"));
        await Expect(page.Locator("#cv-error")).ToBeHiddenAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync(),
            response => response.Url.EndsWith("/api/interviews") && response.Request.Method == "POST");
        Assert.InRange(refused.Status, 400, 499);
        await Expect(page.Locator("#cv-error")).ToHaveTextAsync("This file is not a PDF or a Word (.docx) document.");
        await Expect(page.GetByLabel("Your CV")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start interview" })).ToBeEnabledAsync();
        Assert.EndsWith("/", page.Url);
        await browser.ScreenshotAsync("00-setup-errors");

        using var client = host.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("api/interviews");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Empty(browser.PageErrors);
    }
}
