using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>GET …/report and …/transcript through the real app, for the tenant that owns the interview and no other.</summary>
public sealed class ReportAndTranscriptTests
{
    private const string OtherTenantKey = "shk_other-tenant-key-0123456789";

    [Fact]
    public async Task The_report_is_refused_before_the_end_then_served_once_written()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.CreateClient();
        var id = await CompletedInterview.CreateAsync(client, timeout.Token);

        var (early, problem) = await client.GetJsonAsync($"api/interviews/{id}/report", timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Equal("interview_not_finished", problem.GetProperty("code").GetString());

        await CompletedInterview.TakeAsync(host, client, id, timeout.Token);
        var report = await CompletedInterview.ReportAsync(client, id, timeout.Token);

        Assert.Contains("Ada Lovelace", report.GetProperty("overallImpression").GetString());
        Assert.True(report.GetProperty("strengths").GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("concerns").ValueKind);
        Assert.InRange(report.GetProperty("technicalDepth").GetProperty("score").GetInt32(), 1, 10);
        Assert.False(string.IsNullOrWhiteSpace(report.GetProperty("technicalDepth").GetProperty("justification").GetString()));
        Assert.InRange(report.GetProperty("communication").GetProperty("score").GetInt32(), 1, 10);
        Assert.Contains(report.GetProperty("recommendation").GetString(), new[] { "Strong Hire", "Hire", "Maybe", "No Hire" });
        Assert.InRange(report.GetProperty("overallScore").GetInt32(), 0, 100);
        Assert.True(report.GetProperty("improvements").GetArrayLength() > 0);
        Assert.Equal("offline", report.GetProperty("generatedBy").GetString());
        Assert.True(report.GetProperty("generatedAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.False(report.GetProperty("fallback").GetBoolean());
    }

    [Fact]
    public async Task An_interview_ended_before_it_started_has_no_report_and_another_tenant_sees_nothing()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?> { ["Platform:BootstrapApiKeys"] = $"other={OtherTenantKey}" });
        using var client = host.CreateClient();
        var id = await CompletedInterview.CreateAsync(client, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"api/interviews/{id}/end", timeout.Token)).Status);

        var (status, problem) = await client.GetJsonAsync($"api/interviews/{id}/report", timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("report_not_available", problem.GetProperty("code").GetString());

        using var other = host.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OtherTenantKey);
        foreach (var path in new[] { $"api/interviews/{id}/report", $"api/interviews/{id}/transcript", $"api/interviews/{id}/transcript?format=text" })
        {
            var (otherStatus, otherBody) = await other.GetJsonAsync(path, timeout.Token);
            Assert.Equal(HttpStatusCode.NotFound, otherStatus);
            Assert.Equal("interview_not_found", otherBody.GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("api/interviews/no-such-interview/report", timeout.Token)).Status);
    }

    [Fact]
    public async Task The_transcript_comes_as_json_and_as_a_downloadable_text_file()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.CreateClient();
        var id = await CompletedInterview.CreateAsync(client, timeout.Token);
        await CompletedInterview.TakeAsync(host, client, id, timeout.Token);

        var (status, json) = await client.GetJsonAsync($"api/interviews/{id}/transcript", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, json.GetProperty("interviewId").GetString());
        Assert.Equal("Ada Lovelace", json.GetProperty("candidate").GetString());
        var turns = json.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], turns.Select(t => t.GetProperty("sequence").GetInt32()));
        Assert.Equal(["interviewer", "candidate", "interviewer"], turns.Select(t => t.GetProperty("speaker").GetString()));
        Assert.Equal(CompletedInterview.Answer, turns[1].GetProperty("text").GetString());
        Assert.Equal(1, turns[1].GetProperty("questionIndex").GetInt32()); // 1-based, like the rest of the API.
        Assert.All(turns, t => Assert.True(t.GetProperty("endMs").GetInt64() >= t.GetProperty("startMs").GetInt64()));

        using var download = await client.GetAsync($"api/interviews/{id}/transcript?format=text", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"interview-{id}-transcript.txt", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var lines = (await download.Content.ReadAsStringAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"Interview {id}: Ada Lovelace, Backend engineer", lines[0]);
        Assert.Matches(@"^\[\d\d:\d\d\] Interviewer: Hello Ada Lovelace", lines.First(l => l.StartsWith('[')));
        Assert.Contains($"] Candidate: {CompletedInterview.Answer}", lines.Single(l => l.Contains("Candidate:")));

        using var byAccept = new HttpRequestMessage(HttpMethod.Get, $"api/interviews/{id}/transcript");
        byAccept.Headers.Accept.ParseAdd("text/plain");
        using var accepted = await client.SendAsync(byAccept, timeout.Token);
        Assert.Equal("text/plain", accepted.Content.Headers.ContentType!.MediaType);

        var (badFormat, problem) = await client.GetJsonAsync($"api/interviews/{id}/transcript?format=xml", timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat);
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }
}
