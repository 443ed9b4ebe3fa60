using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.VideoRooms.Fakes;
using SyncHire.TestSupport.Fakes;

namespace SyncHire.Gateway.Tests.VideoRooms;

/// <summary>
/// An upstream answer the gateway cannot use — no body, not JSON, JSON without the call, or nothing within
/// Stream:Timeout — is a 502 integration_failed like any upstream failure: never a 500, never a hang, never its body.
/// </summary>
public sealed class UnusableUpstreamAnswerTests(UnusableUpstreamAnswerTests.ShortTimeoutFixture fixture)
    : IClassFixture<UnusableUpstreamAnswerTests.ShortTimeoutFixture>
{
    private readonly VideoRoomsSystem _system = fixture.System;

    [Theory]
    [InlineData(UnusableAnswer.EmptyBody, "Stream Video answered HTTP 200.")]
    [InlineData(UnusableAnswer.NotJson, "Stream Video answered HTTP 200.")]
    [InlineData(UnusableAnswer.NoCall, "Stream Video answered HTTP 200.")]
    [InlineData(UnusableAnswer.NoAnswer, "Stream Video could not be reached or did not answer in time.")]
    public async Task An_unusable_stream_answer_is_a_502(UnusableAnswer answer, string detailStart)
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        _system.Stream.Unusable = answer;
        (int Status, JsonElement Body) reply;
        try
        {
            reply = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/stream-call", null, timeout.Token);
        }
        finally
        {
            _system.Stream.Unusable = null;
        }

        Assert.Equal(502, reply.Status);
        Assert.Equal("integration_failed", reply.Body.GetProperty("code").GetString());
        Assert.StartsWith(detailStart, reply.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(UpstreamLeak.Marker, reply.Body.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>The video-room system with a one-second Stream timeout, so the unanswered case ends quickly.</summary>
    public sealed class ShortTimeoutFixture : IAsyncLifetime
    {
        private VideoRoomsSystem? _system;

        public VideoRoomsSystem System => _system ?? throw new InvalidOperationException("The fixture has not started.");

        public async ValueTask InitializeAsync() =>
            _system = await VideoRoomsSystem.StartAsync(settings => settings["Stream:Timeout"] = "00:00:01");

        public async ValueTask DisposeAsync()
        {
            if (_system is not null)
            {
                await _system.DisposeAsync();
            }
        }
    }
}
