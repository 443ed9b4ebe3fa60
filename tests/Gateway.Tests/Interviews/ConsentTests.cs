using System.Net;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>The candidate's recording consent, sent with start_interview, is recorded and shown to the platform.</summary>
public sealed class ConsentTests
{
    [Fact]
    public async Task Consent_given_at_start_is_recorded_and_returned_as_consentGivenAt()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(cancellationToken: timeout.Token);
        using var client = host.CreateClient();
        var created = await client.CreateInterviewAsync(timeout.Token);
        var id = created.GetProperty("id").GetString()!;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await using (var candidate = await ConnectAsync(host, created, timeout.Token))
        {
            await candidate.SendJsonAsync("""{"type":"start_interview","consent":true}""", timeout.Token);
            await candidate.WaitForAsync("ai_response_complete", timeout.Token);
        }

        var (_, body) = await client.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal("in_progress", body.GetProperty("status").GetString());
        Assert.InRange(body.GetProperty("consentGivenAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task By_default_a_start_without_consent_still_starts_and_records_no_consent()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(cancellationToken: timeout.Token);
        using var client = host.CreateClient();
        var created = await client.CreateInterviewAsync(timeout.Token);
        var id = created.GetProperty("id").GetString()!;

        await using (var candidate = await ConnectAsync(host, created, timeout.Token))
        {
            await candidate.StartInterviewAsync(timeout.Token);
            await candidate.WaitForAsync("ai_response_complete", timeout.Token);
        }

        var (_, body) = await client.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal("in_progress", body.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("consentGivenAt").ValueKind);
    }

    [Fact]
    public async Task When_consent_is_required_a_start_without_it_is_refused_and_nothing_starts()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(
            new Dictionary<string, string?> { ["Interviews:RequireConsent"] = "true" }, timeout.Token);
        using var client = host.CreateClient();
        var created = await client.CreateInterviewAsync(timeout.Token);
        var id = created.GetProperty("id").GetString()!;
        await using var candidate = await ConnectAsync(host, created, timeout.Token);

        await candidate.StartInterviewAsync(timeout.Token);
        var refused = await candidate.WaitForAsync("error", timeout.Token);
        var (_, whileRefused) = await client.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        await candidate.SendJsonAsync("""{"type":"start_interview","consent":"yes"}""", timeout.Token);
        var malformed = await candidate.WaitForAsync("error", timeout.Token);
        await candidate.SendJsonAsync("""{"type":"start_interview","consent":true}""", timeout.Token);
        await candidate.WaitForAsync("ai_response_complete", timeout.Token);

        Assert.Equal("consent_required", refused.GetProperty("code").GetString());
        Assert.Equal("created", whileRefused.GetProperty("status").GetString());
        Assert.Equal("missing_field", malformed.GetProperty("code").GetString());
        var (status, started) = await client.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("in_progress", started.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, started.GetProperty("consentGivenAt").ValueKind);
    }

    private static async Task<CandidateClient> ConnectAsync(GatewayTestHost host, System.Text.Json.JsonElement created, CancellationToken cancellationToken)
    {
        var candidate = await CandidateClient.ConnectAsync(
            host.CandidateSocketAddress(created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString()), cancellationToken);
        await candidate.WaitForAsync("session_ready", cancellationToken);
        return candidate;
    }
}
