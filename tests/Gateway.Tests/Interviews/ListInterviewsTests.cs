using System.Globalization;
using System.Net;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.Tenants;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>GET /api/interviews: newest first, cursor paging, filters. Each test uses a tenant of its own host.</summary>
public sealed class ListInterviewsTests : AcmeTenantHostTests
{
    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_without_gaps_or_repeats()
    {
        using var timeout = TestTimeout.Start();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await _client.CreateInterviewAsync(timeout.Token, $"Paged Candidate {i}")).GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = cursor is null ? "api/interviews?limit=2" : $"api/interviews?limit=2&cursor={Uri.EscapeDataString(cursor)}";
            var (status, page) = await _client.GetJsonAsync(path, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, status);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(item => item.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task A_summary_carries_the_interview_without_its_transcript()
    {
        using var timeout = TestTimeout.Start();
        var id = (await _client.CreateInterviewAsync(timeout.Token, "Summary Candidate", "Data engineer")).GetProperty("id").GetString();

        var (_, page) = await _client.GetJsonAsync("api/interviews?candidate=summary", timeout.Token);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());

        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("created", item.GetProperty("status").GetString());
        Assert.Equal("Summary Candidate", item.GetProperty("candidateName").GetString());
        Assert.Equal("Data engineer", item.GetProperty("jobTitle").GetString());
        Assert.Equal("intermediate", item.GetProperty("level").GetString());
        Assert.False(item.TryGetProperty("transcript", out _));
    }

    [Fact]
    public async Task Filters_by_status_candidate_name_and_creation_time()
    {
        using var timeout = TestTimeout.Start();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ended = (await _client.CreateInterviewAsync(timeout.Token, "Filter Ended Zed")).GetProperty("id").GetString();
        var open = (await _client.CreateInterviewAsync(timeout.Token, "Filter Open Yara")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"api/interviews/{ended}/end", timeout.Token)).Status);
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.Equal([ended], await IdsAsync("status=completed&candidate=filter"));
        Assert.Equal([open], await IdsAsync("status=created&candidate=filter"));
        Assert.Equal([open], await IdsAsync("candidate=YARA"));
        Assert.Equal([open, ended], await IdsAsync($"candidate=filter&createdFrom={Time(before)}&createdTo={Time(after)}"));
        Assert.Empty(await IdsAsync($"candidate=filter&createdFrom={Time(after)}"));
        Assert.Empty(await IdsAsync($"candidate=filter&createdTo={Time(before)}"));

        async Task<List<string?>> IdsAsync(string query)
        {
            var (status, page) = await _client.GetJsonAsync($"api/interviews?{query}", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, status);
            return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];
        }
    }

    [Theory]
    [InlineData("not-a-cursor!")]
    [InlineData("bm9jb2xvbg")]
    public async Task A_cursor_this_service_did_not_issue_is_400_invalid_cursor(string cursor)
    {
        using var timeout = TestTimeout.Start();

        var (status, problem) = await _client.GetJsonAsync($"api/interviews?cursor={Uri.EscapeDataString(cursor)}", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_cursor", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=finished", "status")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("createdFrom=2025-02-01T00:00:00Z&createdTo=2025-01-01T00:00:00Z", "createdTo")]
    public async Task A_bad_parameter_is_400_naming_it(string query, string field)
    {
        using var timeout = TestTimeout.Start();

        var (status, problem) = await _client.GetJsonAsync($"api/interviews?{query}", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }

    private static string Time(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("o", CultureInfo.InvariantCulture));
}
