using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.VideoRooms.Fakes;

namespace SyncHire.Gateway.Tests.VideoRooms;

public sealed class StreamCallTests(VideoRoomsFixture fixture) : IClassFixture<VideoRoomsFixture>
{
    private const string Interviewer = "synchire-ai-interviewer";
    private readonly VideoRoomsSystem _system = fixture.System;

    [Fact]
    public async Task Creates_the_call_with_candidate_and_ai_interviewer_as_members_and_returns_a_candidate_token()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token, candidateName: "Katherine Johnson");

        var (status, body) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);

        Assert.Equal(200, status);
        var candidate = $"candidate-{id}";
        Assert.Equal(id, body.GetProperty("callId").GetString());
        Assert.Equal("default", body.GetProperty("callType").GetString());
        Assert.Equal(VideoRoomsSystem.StreamApiKey, body.GetProperty("apiKey").GetString());
        Assert.Equal(candidate, body.GetProperty("candidateUserId").GetString());
        Assert.Equal(Interviewer, body.GetProperty("interviewerUserId").GetString());

        // Stream saw both users (the fake refuses members that are not users) and a call with both as members.
        Assert.Equal("Katherine Johnson", _system.Stream.Users[candidate]["name"]!.GetValue<string>());
        Assert.True(_system.Stream.Users.ContainsKey(Interviewer));
        var call = _system.Stream.Calls[$"default:{id}"];
        Assert.Equal(Interviewer, call["created_by"]!["id"]!.GetValue<string>());
        Assert.Equal(id, call["custom"]!["interview_id"]!.GetValue<string>());
        var members = call["members"]!.AsArray().ToDictionary(m => m!["user_id"]!.GetValue<string>(), m => m!["role"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { [candidate] = "host", [Interviewer] = "call_member" }, members);

        var token = await SignedJwt.VerifyAsync(body.GetProperty("candidateToken").GetString(), VideoRoomsSystem.StreamApiSecret, requireLifetime: true);
        Assert.NotNull(token);
        Assert.Equal(candidate, token.GetPayloadValue<string>("user_id"));
        Assert.Equal(TimeSpan.FromHours(2), token.ValidTo - token.IssuedAt);
        Assert.Equal(token.ValidTo, body.GetProperty("expiresAt").GetDateTimeOffset().UtcDateTime);
    }

    [Fact]
    public async Task Asking_again_returns_the_same_call_without_creating_another()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (first, firstBody) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);
        var (second, secondBody) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        Assert.Equal(firstBody.GetProperty("callId").GetString(), secondBody.GetProperty("callId").GetString());
        Assert.Single(_system.Stream.Calls.Keys, cid => cid == $"default:{id}");
        Assert.NotNull(await SignedJwt.VerifyAsync(secondBody.GetProperty("candidateToken").GetString(),
            VideoRoomsSystem.StreamApiSecret, requireLifetime: true));
    }

    [Fact]
    public async Task Another_tenants_interview_is_404_and_stream_is_not_called()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (status, body) = await VideoRoomsSystem.SendAsync(_system.Globex, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);

        Assert.Equal(404, status);
        Assert.Equal("interview_not_found", body.GetProperty("code").GetString());
        Assert.False(_system.Stream.Calls.ContainsKey($"default:{id}"));
        Assert.False(_system.Stream.Users.ContainsKey($"candidate-{id}"));
    }
}
