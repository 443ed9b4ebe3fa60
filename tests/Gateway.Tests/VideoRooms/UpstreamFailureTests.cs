using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.VideoRooms.Fakes;

namespace SyncHire.Gateway.Tests.VideoRooms;

/// <summary>Upstream failures become 502 integration_failed, and nothing the upstream said reaches the platform.</summary>
public sealed class UpstreamFailureTests(VideoRoomsFixture fixture) : IClassFixture<VideoRoomsFixture>
{
    private readonly VideoRoomsSystem _system = fixture.System;

    [Fact]
    public async Task Stream_answering_500_is_a_502_that_does_not_pass_on_its_body()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        _system.Stream.FailEverything = true;
        try
        {
            var (status, body) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);

            AssertUpstreamFailed(status, body, "Stream Video");
        }
        finally
        {
            _system.Stream.FailEverything = false;
        }
    }

    [Fact]
    public async Task Tavus_answering_500_on_create_is_a_502_and_nothing_is_recorded()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        _system.Tavus.FailEverything = true;
        try
        {
            var (status, body) = await Send(HttpMethod.Post, id, timeout.Token);

            AssertUpstreamFailed(status, body, "Tavus");
        }
        finally
        {
            _system.Tavus.FailEverything = false;
        }

        var (deleted, deleteBody) = await Send(HttpMethod.Delete, id, timeout.Token);
        Assert.Equal(404, deleted);
        Assert.Equal("tavus_conversation_not_found", deleteBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Tavus_failing_to_end_is_a_502_and_the_conversation_stays_on_record_for_a_retry()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await Send(HttpMethod.Post, id, timeout.Token);
        var conversationId = opened.GetProperty("conversationId").GetString()!;

        _system.Tavus.FailEverything = true;
        (int Status, JsonElement Body) failed;
        try
        {
            failed = await Send(HttpMethod.Delete, id, timeout.Token);
        }
        finally
        {
            _system.Tavus.FailEverything = false;
        }

        var (retried, _) = await Send(HttpMethod.Delete, id, timeout.Token);

        AssertUpstreamFailed(failed.Status, failed.Body, "Tavus");
        Assert.Equal(204, retried);
        Assert.Equal("ended", _system.Tavus.Conversations[conversationId]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_signed_with_the_wrong_secret_or_key_are_refused_upstream_and_answered_502()
    {
        using var timeout = TestTimeout.Start();
        await using var misconfigured = await VideoRoomsSystem.StartAsync(settings =>
        {
            settings["Stream:ApiSecret"] = "not-the-stream-secret-0123456789abcdef";
            settings["Tavus:ApiKey"] = "not-the-tavus-key";
        });
        var id = await misconfigured.CreateInterviewAsync(timeout.Token);

        var (stream, streamBody) = await VideoRoomsSystem.SendAsync(misconfigured.Acme, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);
        var (tavus, tavusBody) = await VideoRoomsSystem.SendAsync(misconfigured.Acme, HttpMethod.Post, $"api/interviews/{id}/tavus-conversation", null, timeout.Token);

        AssertUpstreamFailed(stream, streamBody, "Stream Video");
        Assert.Contains("401", streamBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertUpstreamFailed(tavus, tavusBody, "Tavus");
        Assert.Empty(misconfigured.Stream.Users);
        Assert.Empty(misconfigured.Tavus.CreateRequests);
    }

    private Task<(int Status, JsonElement Body)> Send(HttpMethod method, string id, CancellationToken cancellationToken) =>
        VideoRoomsSystem.SendAsync(_system.Acme, method, $"api/interviews/{id}/tavus-conversation", null, cancellationToken);

    private static void AssertUpstreamFailed(int status, JsonElement body, string service)
    {
        Assert.Equal(502, status);
        Assert.Equal("integration_failed", body.GetProperty("code").GetString());
        Assert.Contains(service, body.GetProperty("title").GetString(), StringComparison.Ordinal);
        var text = body.GetRawText();
        Assert.DoesNotContain(FakeStreamVideo.LeakMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain(VideoRoomsSystem.StreamApiSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(VideoRoomsSystem.TavusApiKey, text, StringComparison.Ordinal);
    }
}
