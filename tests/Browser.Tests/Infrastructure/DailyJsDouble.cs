using System.Text.Json;
using Microsoft.Playwright;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>
/// Serves daily-js-double.js wherever the page loads daily-js from, and reads back what the page did with it. Daily's
/// WebRTC rooms cannot be emulated here, so this is the honest boundary: the tests prove what the page hands to
/// Daily (the join, every app message), not that Daily or Tavus deliver it.
/// </summary>
public sealed class DailyJsDouble
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "daily-js-double.js"));

    private DailyJsDouble()
    {
    }

    /// <summary>How many times the page fetched the library.</summary>
    public int Loads { get; private set; }

    public static async Task<DailyJsDouble> ServeAsync(IPage page, string dailyJsUrl)
    {
        var served = new DailyJsDouble();
        await page.RouteAsync(dailyJsUrl, async route =>
        {
            served.Loads++;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "application/javascript",
                Body = Script,
                // The page loads it with crossorigin="anonymous", as from the real CDN (which answers this too).
                Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
            });
        });
        return served;
    }

    /// <summary>What the page did with the library so far (window.__dailyDouble).</summary>
    public static async Task<DailyRecord> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__dailyDouble)");
        return JsonSerializer.Deserialize<DailyRecord>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

/// <summary>The options of each createCallObject() and join(), and every app message as sent.</summary>
public sealed record DailyRecord(IReadOnlyList<JsonElement> Created, IReadOnlyList<JsonElement> Joins, IReadOnlyList<AppMessage> AppMessages,
    int Left, int Destroyed);

/// <param name="Json">The message as serialised for the wire.</param>
/// <param name="Bytes">Its UTF-8 length, what Daily's 4 KB limit counts.</param>
/// <param name="To">The recipient argument ("*" = everyone in the room).</param>
public sealed record AppMessage(string Json, int Bytes, string To)
{
    public JsonElement Body => JsonDocument.Parse(Json).RootElement;

    public string EventType => Body.GetProperty("event_type").GetString()!;
}
