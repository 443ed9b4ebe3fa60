using System.Text.Json;
using Microsoft.Playwright;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven by Playwright, with one page. The microphone is Chromium's fake capture device
/// playing a WAV (access granted), or refused. Uncaught errors in the page are collected: a test ends by asserting
/// there were none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Generous for real audio and a real interviewer; a condition is awaited, never a fixed delay.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private static readonly string[] CommonArguments =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _pageErrors = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"[browser console] {message.Text}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> PageErrors => _pageErrors;

    public static async Task<BrowserSession> StartAsync(Microphone microphone)
    {
        BrowserRequirement.EnsureToolsInstalled();
        // Expect(...) waits for a condition; the interviewer speaks in real time, so allow it the same patience.
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        var arguments = new List<string>(CommonArguments) { "--use-fake-device-for-media-stream" };
        if (microphone is Microphone.PlayingFile file)
        {
            // The fake UI answers the permission prompt with "allow"; without it the prompt is refused.
            arguments.Add("--use-fake-ui-for-media-stream");
            arguments.Add($"--use-file-for-fake-audio-capture={file.WavPath}");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserRequirement.ChromiumPath,
                Headless = true,
                Args = arguments,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                AcceptDownloads = true,
            });
            context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
            if (microphone is Microphone.PlayingFile)
            {
                await context.GrantPermissionsAsync(["microphone"]);
            }

            return new BrowserSession(playwright, browser, context, await context.NewPageAsync());
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>The app's own counters (window.__synchire, see wwwroot/js/stats.js).</summary>
    public async Task<AppStats> StatsAsync()
    {
        var json = await Page.EvaluateAsync<string>("() => JSON.stringify(window.__synchire)");
        return JsonSerializer.Deserialize<AppStats>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Waits until a JavaScript condition over the page holds.</summary>
    public Task WaitUntilAsync(string condition, TimeSpan? timeout = null) =>
        Page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions
        {
            Timeout = (float)(timeout ?? Patience).TotalMilliseconds,
            PollingInterval = 100,
        });

    /// <summary>Saves a full-page screenshot for a person to look at: bin/…/screenshots/{name}.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>window.__synchire as the app counts it.</summary>
public sealed record AppStats(CaptureStats Capture, PlaybackStats Playback, SocketStats Socket, string Mode);

public sealed record CaptureStats(int Frames, int FramesSent, double PeakRms);

public sealed record PlaybackStats(int Chunks, long SamplesScheduled, double SecondsScheduled, int Underruns, int Interruptions, int StoppedSources);

public sealed record SocketStats(int Opens, int Closes, int ReconnectNotices, int EventsReceived, string? LastEvent);
