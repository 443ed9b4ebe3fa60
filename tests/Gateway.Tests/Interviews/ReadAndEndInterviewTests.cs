using System.Net;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Interviews;

public sealed class ReadAndEndInterviewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Get_after_create_returns_the_interview_in_created_status_with_its_questions()
    {
        using var timeout = TestTimeout.Start();
        var created = await _client.CreateInterviewAsync(timeout.Token, "Grace Hopper", "Compiler engineer",
            "What does a linker do?", "How would you debug a miscompilation?");
        var id = created.GetProperty("id").GetString();

        var (status, body) = await _client.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("created", body.GetProperty("status").GetString());
        Assert.Equal("Grace Hopper", body.GetProperty("candidateName").GetString());
        Assert.Equal("Compiler engineer", body.GetProperty("jobTitle").GetString());
        Assert.Equal("intermediate", body.GetProperty("level").GetString());
        Assert.Equal(["What does a linker do?", "How would you debug a miscompilation?"],
            body.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(0, body.GetProperty("progress").GetProperty("current").GetInt32());
        Assert.Equal(2, body.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(0, body.GetProperty("transcript").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("startedAt").ValueKind);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not%20an%20id")]
    public async Task Get_of_an_unknown_interview_is_a_404_problem_with_a_code(string id)
    {
        using var timeout = TestTimeout.Start();

        var (status, problem) = await _client.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("interview_not_found", problem.GetProperty("code").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task End_completes_the_interview_with_reason_ended_by_platform()
    {
        using var timeout = TestTimeout.Start();
        var id = (await _client.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();

        var (status, ended) = await _client.PostJsonAsync($"api/interviews/{id}/end", timeout.Token);
        var (_, read) = await _client.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("completed", ended.GetProperty("status").GetString());
        Assert.Equal("ended_by_platform", ended.GetProperty("endReason").GetString());
        Assert.Equal("completed", read.GetProperty("status").GetString());
        Assert.Equal("ended_by_platform", read.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task End_and_token_of_an_unknown_interview_are_404_problems()
    {
        using var timeout = TestTimeout.Start();

        var (endStatus, endProblem) = await _client.PostJsonAsync("api/interviews/0123456789abcdef0123456789abcdef/end", timeout.Token);
        var (tokenStatus, tokenProblem) = await _client.PostJsonAsync("api/interviews/0123456789abcdef0123456789abcdef/token", timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, endStatus);
        Assert.Equal("interview_not_found", endProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, tokenStatus);
        Assert.Equal("interview_not_found", tokenProblem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_reissued_token_admits_the_candidate()
    {
        using var timeout = TestTimeout.Start();
        var id = (await _client.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString()!;

        var (status, issued) = await _client.PostJsonAsync($"api/interviews/{id}/token", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);

        await using var socket = await CandidateClient.ConnectAsync(
            fixture.Host.CandidateSocketAddress(id, issued.GetProperty("candidateToken").GetString()), timeout.Token);
        var ready = await socket.WaitForAsync("session_ready", timeout.Token);
        Assert.Equal(id, ready.GetProperty("interview_id").GetString());
    }

    [Fact]
    public async Task Unknown_routes_answer_with_a_problem_and_a_code()
    {
        using var timeout = TestTimeout.Start();

        var (status, problem) = await _client.GetJsonAsync("api/nothing-here", timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
    }
}
