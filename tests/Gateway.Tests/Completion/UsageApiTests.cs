using System.Net;
using System.Net.Http.Headers;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>GET /api/usage: what the tenant's interviews consumed, summed per kind over a period.</summary>
public sealed class UsageApiTests
{
    [Fact]
    public async Task Usage_sums_the_audio_of_the_tenants_interviews_for_the_current_month_and_no_one_elses()
    {
        const string otherKey = "shk_other-tenant-key-0123456789";
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?> { ["Platform:BootstrapApiKeys"] = $"other={otherKey}" });
        using var client = host.CreateClient();
        foreach (var silence in new[] { 16_000, 48_000 })
        {
            var id = await CompletedInterview.CreateAsync(client, timeout.Token);
            await CompletedInterview.TakeAsync(host, client, id, timeout.Token, silenceBytes: silence);
            await CompletedInterview.ReportAsync(client, id, timeout.Token); // Usage is recorded before the evaluation starts.
        }

        var (status, body) = await client.GetJsonAsync("api/usage", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        var amounts = body.GetProperty("usage").EnumerateArray().ToDictionary(u => u.GetProperty("kind").GetString()!, u => u.GetProperty("amount").GetDouble());
        Assert.Equal(2.0, amounts["audio_in_seconds"], precision: 6); // (16,000 + 48,000 bytes) / 32,000 bytes per second.
        Assert.True(amounts["audio_out_seconds"] > 2, "two greetings and two replies were spoken");
        var from = body.GetProperty("from").GetDateTimeOffset();
        Assert.Equal(1, from.Day);
        Assert.Equal(from.AddMonths(1), body.GetProperty("to").GetDateTimeOffset());

        var (lastYear, old) = await client.GetJsonAsync($"api/usage?from={DateTime.UtcNow.Year - 1}-01-01&to={DateTime.UtcNow.Year - 1}-12-31", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, lastYear);
        Assert.Equal(0, old.GetProperty("usage").GetArrayLength());

        using var other = host.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherKey);
        var (_, otherUsage) = await other.GetJsonAsync("api/usage", timeout.Token);
        Assert.Equal("other", otherUsage.GetProperty("tenantId").GetString());
        Assert.Equal(0, otherUsage.GetProperty("usage").GetArrayLength());

        var (bad, problem) = await client.GetJsonAsync("api/usage?from=yesterday", timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        var (backwards, _) = await client.GetJsonAsync("api/usage?from=2025-02-01&to=2025-01-01", timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, backwards);
    }
}
