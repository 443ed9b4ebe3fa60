using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Cv;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Invitations;

/// <summary>Invitation links: issued by the platform, redeemed by the candidate's web app, revocable, expiring.</summary>
public sealed class InvitationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task An_invitation_is_traded_for_a_candidate_token_that_opens_the_interview_socket()
    {
        using var timeout = TestTimeout.Start();
        var ct = timeout.Token;
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler engineer", "What does a linker do?")).GetProperty("id").GetString()!;

        using var issued = await http.PostAsync($"api/interviews/{id}/invitations", null, ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var invitation = await issued.Content.ReadFromJsonAsync<JsonElement>(ct);
        var url = new Uri(invitation.GetProperty("invitationUrl").GetString()!);
        Assert.Equal(fixture.Host.BaseAddress.Authority, url.Authority);
        Assert.StartsWith("/join/", url.AbsolutePath);
        var expiresAt = invitation.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));

        // The web app: no API key, only the token from the link.
        using var candidateApp = fixture.Host.CreateClient();
        var token = url.AbsolutePath["/join/".Length..];
        var (status, joined) = await candidateApp.PostJsonAsync($"api/join/{token}", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, joined.GetProperty("interviewId").GetString());
        Assert.Equal("Grace Hopper", joined.GetProperty("interview").GetProperty("candidateName").GetString());
        Assert.Equal("Compiler engineer", joined.GetProperty("interview").GetProperty("role").GetString());
        Assert.Equal("created", joined.GetProperty("interview").GetProperty("status").GetString());
        Assert.True(joined.GetProperty("tokenExpiresAt").GetDateTimeOffset() < expiresAt);

        await using var socket = await CandidateClient.ConnectAsync(
            new Uri($"{joined.GetProperty("websocketUrl").GetString()}?token={Uri.EscapeDataString(joined.GetProperty("candidateToken").GetString()!)}"), ct);
        var ready = await socket.WaitForAsync("session_ready", ct);
        Assert.Equal(id, ready.GetProperty("interview_id").GetString());

        // The link may be opened again (a reload) until it is revoked.
        Assert.Equal(HttpStatusCode.OK, (await candidateApp.PostJsonAsync($"api/join/{token}", ct)).Status);
    }

    [Fact]
    public async Task A_revoked_invitation_no_longer_opens_the_interview_and_a_new_one_does()
    {
        using var timeout = TestTimeout.Start();
        var ct = timeout.Token;
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(ct, questions: ["Why?"])).GetProperty("id").GetString()!;
        var first = await IssueTokenAsync(http, id, ct);

        using var revoked = await http.DeleteAsync($"api/interviews/{id}/invitations", ct);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var (status, problem) = await http.PostJsonAsync($"api/join/{first}", ct);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("invitation_not_found", problem.GetProperty("code").GetString());

        var second = await IssueTokenAsync(http, id, ct);
        Assert.Equal(HttpStatusCode.OK, (await http.PostJsonAsync($"api/join/{second}", ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostJsonAsync("api/join/not-a-real-token", ct)).Status);
    }

    [Fact]
    public async Task An_invitation_to_an_interview_that_has_ended_answers_410()
    {
        using var timeout = TestTimeout.Start();
        var ct = timeout.Token;
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(ct, questions: ["Why?"])).GetProperty("id").GetString()!;
        var token = await IssueTokenAsync(http, id, ct);
        Assert.Equal(HttpStatusCode.OK, (await http.PostJsonAsync($"api/interviews/{id}/end", ct)).Status);

        var (status, problem) = await http.PostJsonAsync($"api/join/{token}", ct);

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal("interview_ended", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_expired_invitation_answers_404_and_the_multipart_create_returns_a_link_under_the_public_base_url()
    {
        using var timeout = TestTimeout.Start();
        var ct = timeout.Token;
        await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Invitations:Lifetime"] = "00:00:00.001",
            ["Gateway:PublicBaseUrl"] = "https://interviews.example.com/",
        });
        using var http = host.CreateClient();
        using var form = CvUploads.Form(CvUploads.InterviewFields("Why?"));
        using var created = await http.PostAsync("api/interviews", form, ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var url = new Uri(body.GetProperty("invitationUrl").GetString()!);
        Assert.Equal("https://interviews.example.com", url.GetLeftPart(UriPartial.Authority));
        var expiresAt = body.GetProperty("invitationExpiresAt").GetDateTimeOffset();

        // Lifetime 1 ms: by the time the server answered, the link has expired (wait out the clock only if not).
        while (DateTimeOffset.UtcNow <= expiresAt)
        {
            await Task.Yield();
        }

        var (status, problem) = await http.PostJsonAsync($"api/join/{url.AbsolutePath["/join/".Length..]}", ct);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("invitation_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_tenants_interview_is_404_on_the_cv_text_invitation_and_event_endpoints()
    {
        using var timeout = TestTimeout.Start();
        var ct = timeout.Token;
        const string acmeKey = "shk_acme_test_key_0123456789abcdef";
        const string globexKey = "shk_globex_test_key_0123456789abcdef";
        await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:BootstrapApiKeys"] = $"acme={acmeKey};globex={globexKey}",
        });
        using var acme = host.CreateClient();
        acme.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", acmeKey);
        using var globex = host.CreateClient();
        globex.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", globexKey);
        var id = (await acme.CreateInterviewAsync(ct, questions: ["Why?"])).GetProperty("id").GetString()!;

        using (var cv = CvUploads.Form([], CvUploads.Docx("Ada Lovelace, engineer.")))
        using (var response = await globex.PostAsync($"api/interviews/{id}/cv", cv, ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync($"api/interviews/{id}/question", ct)).Status);
        using (var answer = await globex.PostAsJsonAsync($"api/interviews/{id}/answers", new { answer = "Because." }, ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await globex.PostJsonAsync($"api/interviews/{id}/invitations", ct)).Status);
        using (var revoke = await globex.DeleteAsync($"api/interviews/{id}/invitations", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        }

        using (var events = await globex.GetAsync($"api/interviews/{id}/events", HttpCompletionOption.ResponseHeadersRead, ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        }

        // Nothing happened to acme's interview, and acme itself is served.
        var (status, interview) = await acme.GetJsonAsync($"api/interviews/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("created", interview.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await acme.PostJsonAsync($"api/interviews/{id}/invitations", ct)).Status);
    }

    private static async Task<string> IssueTokenAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        var (status, invitation) = await http.PostJsonAsync($"api/interviews/{id}/invitations", cancellationToken);
        Assert.Equal(HttpStatusCode.Created, status);
        return new Uri(invitation.GetProperty("invitationUrl").GetString()!).AbsolutePath["/join/".Length..];
    }
}
