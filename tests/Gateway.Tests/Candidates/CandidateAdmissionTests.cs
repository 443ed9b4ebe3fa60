using System.Net;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tokens;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Candidates;

/// <summary>Every refusal happens before the upgrade: an HTTP status with a coded Problem Details, never a socket.</summary>
public sealed class CandidateAdmissionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    public static TheoryData<string, int, string> Refusals => new()
    {
        { "missing", 401, "token_missing" },
        { "garbage", 401, "invalid_token" },
        { "expired", 401, "token_expired" },
        { "other interview", 403, "token_wrong_interview" },
        { "signed by another key", 401, "invalid_token" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_before_the_upgrade(string token, int expectedStatus, string expectedCode)
    {
        using var timeout = TestTimeout.Start();
        var id = (await _client.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString()!;
        var presented = await TokenAsync(token, id, timeout.Token);
        var address = fixture.Host.CandidateSocketAddress(id, presented);

        var status = await CandidateSocket.ConnectExpectingRefusalAsync(address, timeout.Token);
        var (_, problem) = await _client.GetJsonAsync(address.PathAndQuery.TrimStart('/'), timeout.Token);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_valid_token_for_an_interview_that_does_not_exist_is_a_404()
    {
        using var timeout = TestTimeout.Start();
        const string id = "0123456789abcdef0123456789abcdef";
        var token = fixture.Host.GetRequiredService<CandidateTokenService>().Issue(id).Value;

        var status = await CandidateSocket.ConnectExpectingRefusalAsync(fixture.Host.CandidateSocketAddress(id, token), timeout.Token);

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_plain_http_request_with_a_valid_token_is_told_to_use_a_websocket()
    {
        using var timeout = TestTimeout.Start();
        var created = await _client.CreateInterviewAsync(timeout.Token);
        var address = fixture.Host.CandidateSocketAddress(created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString());

        var (status, problem) = await _client.GetJsonAsync(address.PathAndQuery.TrimStart('/'), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("websocket_required", problem.GetProperty("code").GetString());
    }

    private async Task<string?> TokenAsync(string kind, string interviewId, CancellationToken cancellationToken)
    {
        var tokens = fixture.Host.GetRequiredService<CandidateTokenService>();
        return kind switch
        {
            "missing" => null,
            "garbage" => "not.a.token",
            "expired" => tokens.Issue(interviewId, DateTimeOffset.UtcNow.AddMinutes(-5)).Value,
            "other interview" => (await _client.CreateInterviewAsync(cancellationToken)).GetProperty("candidateToken").GetString(),
            "signed by another key" => TokenFactory.WithRandomKey().Issue(interviewId).Value,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
