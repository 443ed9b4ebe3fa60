using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.VideoRooms.Fakes;

namespace SyncHire.Gateway.Tests.VideoRooms;

public sealed class LiveKitTokenTests(VideoRoomsFixture fixture) : IClassFixture<VideoRoomsFixture>
{
    private readonly VideoRoomsSystem _system = fixture.System;

    [Fact]
    public async Task Token_admits_the_candidate_to_room_interview_id_with_publish_and_subscribe_for_two_hours()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (status, body) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/livekit-token",
            new { participantName = "Ada (laptop)" }, timeout.Token);

        Assert.Equal(200, status);
        Assert.Equal(VideoRoomsSystem.LiveKitUrl, body.GetProperty("url").GetString());
        Assert.Equal($"interview-{id}", body.GetProperty("roomName").GetString());
        var token = await SignedJwt.VerifyAsync(body.GetProperty("token").GetString(), VideoRoomsSystem.LiveKitApiSecret, requireLifetime: true);
        Assert.NotNull(token);
        Assert.Equal(VideoRoomsSystem.LiveKitApiKey, token.Issuer);
        Assert.Equal($"candidate-{id}", token.Subject);
        Assert.Equal(body.GetProperty("identity").GetString(), token.Subject);
        Assert.Equal("Ada (laptop)", token.GetPayloadValue<string>("name"));
        Assert.Equal(TimeSpan.FromHours(2), token.ValidTo - token.ValidFrom);
        Assert.Equal(token.ValidTo, body.GetProperty("expiresAt").GetDateTimeOffset().UtcDateTime);

        using var payload = JsonDocument.Parse(Base64UrlDecode(token.EncodedPayload));
        var video = payload.RootElement.GetProperty("video");
        Assert.Equal($"interview-{id}", video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.True(video.GetProperty("canPublish").GetBoolean());
        Assert.True(video.GetProperty("canSubscribe").GetBoolean());
        Assert.True(video.GetProperty("canPublishData").GetBoolean());
        Assert.Equal(["canPublish", "canPublishData", "canSubscribe", "room", "roomJoin"],
            video.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Token_is_refused_by_any_other_secret()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (_, body) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/livekit-token", null, timeout.Token);

        Assert.Null(await SignedJwt.VerifyAsync(body.GetProperty("token").GetString(),
            "another-secret-of-the-same-length-0123456789", requireLifetime: true));
    }

    [Fact]
    public async Task Without_a_body_the_participant_is_named_after_the_candidate()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token, candidateName: "Grace Hopper");

        var (status, body) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/livekit-token", null, timeout.Token);

        Assert.Equal(200, status);
        var token = await SignedJwt.VerifyAsync(body.GetProperty("token").GetString(), VideoRoomsSystem.LiveKitApiSecret, requireLifetime: true);
        Assert.Equal("Grace Hopper", token!.GetPayloadValue<string>("name"));
    }

    [Fact]
    public async Task Another_tenants_interview_and_an_unknown_one_are_404()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (otherTenant, otherBody) = await VideoRoomsSystem.SendAsync(_system.Globex, HttpMethod.Post, $"api/interviews/{id}/livekit-token", null, timeout.Token);
        var (unknown, unknownBody) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post,
            "api/interviews/0123456789abcdef0123456789abcdef/livekit-token", null, timeout.Token);

        Assert.Equal(404, otherTenant);
        Assert.Equal("interview_not_found", otherBody.GetProperty("code").GetString());
        Assert.False(otherBody.TryGetProperty("token", out _));
        Assert.Equal(404, unknown);
        Assert.Equal("interview_not_found", unknownBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_overlong_participant_name_is_a_validation_problem_naming_the_field()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (status, body) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/livekit-token",
            new { participantName = new string('x', 201) }, timeout.Token);

        Assert.Equal(400, status);
        Assert.Equal("validation_failed", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("participantName", out _));
    }

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
