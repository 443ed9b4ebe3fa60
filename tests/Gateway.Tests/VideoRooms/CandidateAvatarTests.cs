using System.Net.Http.Headers;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tokens;

namespace SyncHire.Gateway.Tests.VideoRooms;

/// <summary>
/// GET /api/interviews/{id}/avatar: the candidate's room page learns the interview's Tavus conversation with its
/// candidate token, and nothing else — not another interview's, not with a key or a stale token.
/// </summary>
public sealed class CandidateAvatarTests(VideoRoomsFixture fixture) : IClassFixture<VideoRoomsFixture>
{
    private readonly VideoRoomsSystem _system = fixture.System;

    [Fact]
    public async Task The_candidate_gets_the_open_conversation_and_where_to_load_daily_js()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await OpenConversation(id, timeout.Token);

        var (status, body) = await GetAvatar(id, await CandidateToken(id, timeout.Token), timeout.Token);

        Assert.Equal(200, status);
        Assert.Equal("tavus", body.GetProperty("provider").GetString());
        Assert.Equal(opened.GetProperty("conversationId").GetString(), body.GetProperty("conversationId").GetString());
        Assert.Equal(opened.GetProperty("conversationUrl").GetString(), body.GetProperty("conversationUrl").GetString());
        Assert.Equal("https://unpkg.com/@daily-co/daily-js", body.GetProperty("dailyJsUrl").GetString());
    }

    [Fact]
    public async Task No_content_until_a_conversation_is_opened_and_again_once_it_is_ended()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var token = await CandidateToken(id, timeout.Token);

        var (before, _) = await GetAvatar(id, token, timeout.Token);
        await OpenConversation(id, timeout.Token);
        var (during, _) = await GetAvatar(id, token, timeout.Token);
        var (deleted, _) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Delete, $"api/interviews/{id}/tavus-conversation", null, timeout.Token);
        var (after, _) = await GetAvatar(id, token, timeout.Token);

        Assert.Equal(204, before);
        Assert.Equal(200, during);
        Assert.Equal(204, deleted);
        Assert.Equal(204, after);
    }

    [Fact]
    public async Task A_token_for_another_interview_learns_nothing_whichever_tenant_owns_either()
    {
        using var timeout = TestTimeout.Start();
        var acmeInterview = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await OpenConversation(acmeInterview, timeout.Token);
        var otherAcmeInterview = await _system.CreateInterviewAsync(timeout.Token);
        var globexInterview = await VideoRoomsSystem.CreateInterviewAsync(_system.Globex, timeout.Token);

        var fromSameTenant = await GetAvatarText(acmeInterview, await CandidateToken(otherAcmeInterview, timeout.Token), timeout.Token);
        var fromOtherTenant = await GetAvatarText(acmeInterview, await CandidateToken(globexInterview, timeout.Token, _system.Globex), timeout.Token);

        foreach (var (status, text) in new[] { fromSameTenant, fromOtherTenant })
        {
            Assert.Equal(403, status);
            Assert.Equal("token_wrong_interview", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
            Assert.DoesNotContain(opened.GetProperty("conversationId").GetString()!, text, StringComparison.Ordinal);
            Assert.DoesNotContain("daily.co", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_valid_candidate_token_the_answer_is_401_with_the_reason()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        await OpenConversation(id, timeout.Token);
        var expired = _system.Host.GetRequiredService<CandidateTokenService>().Issue(id, DateTimeOffset.UtcNow.AddMinutes(-5)).Value;
        var otherDeployment = TokenFactory.WithRandomKey().Issue(id).Value;

        var missing = await GetAvatar(id, token: null, timeout.Token);
        var garbage = await GetAvatar(id, "not-a-token", timeout.Token);
        var stale = await GetAvatar(id, expired, timeout.Token);
        var foreign = await GetAvatar(id, otherDeployment, timeout.Token);
        // The platform's API key is not a candidate token: the platform has its own endpoint for the conversation.
        var apiKey = await GetAvatar(id, VideoRoomsSystem.AcmeApiKey, timeout.Token);

        Assert.Equal((401, "token_missing"), (missing.Status, missing.Body.GetProperty("code").GetString()));
        Assert.Equal((401, "invalid_token"), (garbage.Status, garbage.Body.GetProperty("code").GetString()));
        Assert.Equal((401, "token_expired"), (stale.Status, stale.Body.GetProperty("code").GetString()));
        Assert.Equal((401, "invalid_token"), (foreign.Status, foreign.Body.GetProperty("code").GetString()));
        Assert.Equal((401, "invalid_token"), (apiKey.Status, apiKey.Body.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_configured_daily_js_url_is_the_one_the_page_loads()
    {
        using var timeout = TestTimeout.Start();
        await using var system = await VideoRoomsSystem.StartAsync(settings =>
            settings["Tavus:DailyJsUrl"] = "https://static.synchire.example/vendor/daily-js@0.89.1/daily.js");
        var id = await system.CreateInterviewAsync(timeout.Token);
        await VideoRoomsSystem.SendAsync(system.Acme, HttpMethod.Post, $"api/interviews/{id}/tavus-conversation", null, timeout.Token);
        var (_, issued) = await VideoRoomsSystem.SendAsync(system.Acme, HttpMethod.Post, $"api/interviews/{id}/token", null, timeout.Token);

        using var client = system.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/interviews/{id}/avatar");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("candidateToken").GetString());
        using var response = await client.SendAsync(request, timeout.Token);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://static.synchire.example/vendor/daily-js@0.89.1/daily.js", body.GetProperty("dailyJsUrl").GetString());
    }

    [Fact]
    public async Task A_token_for_an_interview_that_does_not_exist_gets_404()
    {
        using var timeout = TestTimeout.Start();
        var token = _system.Host.GetRequiredService<CandidateTokenService>().Issue("no-such-interview").Value;

        var (status, body) = await GetAvatar("no-such-interview", token, timeout.Token);

        Assert.Equal(404, status);
        Assert.Equal("interview_not_found", body.GetProperty("code").GetString());
    }

    private Task<(int Status, JsonElement Body)> OpenConversation(string id, CancellationToken cancellationToken) =>
        VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/tavus-conversation", null, cancellationToken);

    /// <summary>A candidate token as the platform hands it to its candidate (POST /api/interviews/{id}/token).</summary>
    private async Task<string> CandidateToken(string id, CancellationToken cancellationToken, HttpClient? platform = null)
    {
        var (status, body) = await VideoRoomsSystem.SendAsync(platform ?? _system.Acme, HttpMethod.Post, $"api/interviews/{id}/token", null, cancellationToken);
        Assert.Equal(200, status);
        return body.GetProperty("candidateToken").GetString()!;
    }

    private async Task<(int Status, JsonElement Body)> GetAvatar(string id, string? token, CancellationToken cancellationToken)
    {
        var (status, text) = await GetAvatarText(id, token, cancellationToken);
        return (status, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The raw answer, as a page (anonymous: no API key) asks for it.</summary>
    private async Task<(int Status, string Text)> GetAvatarText(string id, string? token, CancellationToken cancellationToken)
    {
        using var client = _system.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/interviews/{id}/avatar");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
