using Microsoft.Playwright;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>Fills and submits the self-serve setup form the way a candidate does; returns the new interview's id.</summary>
internal static class SetupForm
{
    public static async Task<string> StartInterviewAsync(IPage page, AppHost host, string name, string topic)
    {
        await page.GotoAsync(host.Url("/").ToString());
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("What skill or topic").FillAsync(topic);
        await page.GetByLabel("I agree that this interview is recorded").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await page.WaitForURLAsync("**/interview/*");
        return page.Url.Split('/')[^1];
    }
}
