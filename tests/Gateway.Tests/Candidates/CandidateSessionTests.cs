using SyncHire.Gateway.Candidates;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Candidates;

/// <summary>A candidate's session relayed through the gateway to the interview grain and back.</summary>
public sealed class CandidateSessionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Starting_an_interview_streams_the_interviewers_greeting_back()
    {
        using var timeout = TestTimeout.Start();
        await using var socket = await ConnectToNewInterviewAsync(timeout.Token);

        var ready = await socket.WaitForAsync("session_ready", timeout.Token);
        Assert.Equal("created", ready.GetProperty("status").GetString());
        Assert.Equal(16000, ready.GetProperty("input_sample_rate").GetInt32());
        Assert.Equal(1, fixture.Host.GetRequiredService<ActiveCandidateConnections>().Count);

        await socket.StartInterviewAsync(timeout.Token);
        await socket.WaitForAsync("thinking", timeout.Token);
        await socket.WaitForAsync("ai_audio_chunk", timeout.Token);
        var audio = await socket.NextFrameAsync(timeout.Token);

        Assert.True(audio.IsAudio);
        Assert.True(audio.Audio.Length > 0 && audio.Audio.Length % 2 == 0, "PCM16 audio follows ai_audio_chunk");
    }

    [Fact]
    public async Task An_oversized_message_is_refused_and_the_session_goes_on()
    {
        using var timeout = TestTimeout.Start();
        await using var socket = await ConnectToNewInterviewAsync(timeout.Token);
        await socket.WaitForAsync("session_ready", timeout.Token);

        await socket.SendAudioAsync(new byte[300 * 1024], timeout.Token);
        var error = await socket.WaitForAsync("error", timeout.Token);
        await socket.PingAsync(timeout.Token);
        await socket.WaitForAsync("pong", timeout.Token);

        Assert.Equal("frame_too_large", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_large_message_within_the_limit_arrives_whole_and_the_session_goes_on()
    {
        using var timeout = TestTimeout.Start();
        await using var socket = await ConnectToNewInterviewAsync(timeout.Token);
        await socket.WaitForAsync("session_ready", timeout.Token);

        // Far larger than the relay's resting buffer, which grows for it and shrinks back after.
        await socket.SendJsonAsync($$"""{"type":"ping","pad":"{{new string('x', 100 * 1024)}}"}""", timeout.Token);
        await socket.WaitForAsync("pong", timeout.Token);
        await socket.SendJsonAsync("{\"type\":", timeout.Token);

        Assert.Equal("invalid_json", (await socket.WaitForAsync("error", timeout.Token)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Binary_and_text_messages_reach_the_interview_unchanged()
    {
        using var timeout = TestTimeout.Start();
        await using var socket = await ConnectToNewInterviewAsync(timeout.Token);
        await socket.WaitForAsync("session_ready", timeout.Token);

        // The interview, not the gateway, judges the protocol: audio before start and broken JSON are its errors.
        await socket.SendAudioAsync(new byte[640], timeout.Token);
        var audioError = await socket.WaitForAsync("error", timeout.Token);
        await socket.SendJsonAsync("{\"type\":", timeout.Token);
        var jsonError = await socket.WaitForAsync("error", timeout.Token);

        Assert.Equal("not_started", audioError.GetProperty("code").GetString());
        Assert.Equal("invalid_json", jsonError.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_candidate_who_closes_can_reconnect_and_resume_the_interview()
    {
        using var timeout = TestTimeout.Start();
        var created = await _client.CreateInterviewAsync(timeout.Token);
        var address = fixture.Host.CandidateSocketAddress(created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString());

        await using (var first = await CandidateClient.ConnectAsync(address, timeout.Token))
        {
            await first.WaitForAsync("session_ready", timeout.Token);
            await first.StartInterviewAsync(timeout.Token);
            await first.WaitForAsync("ai_response_complete", timeout.Token);
            await first.CloseAsync(timeout.Token);
            Assert.Equal(1000, first.Close?.Code);
        }

        await using var second = await CandidateClient.ConnectAsync(address, timeout.Token);
        var ready = await second.WaitForAsync("session_ready", timeout.Token);
        var resumed = await second.WaitForAsync("resumed", timeout.Token);

        Assert.Equal("in_progress", ready.GetProperty("status").GetString());
        Assert.Equal("in_progress", resumed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_grain_ending_the_interview_closes_the_candidate_socket()
    {
        using var timeout = TestTimeout.Start();
        var created = await _client.CreateInterviewAsync(timeout.Token);
        var id = created.GetProperty("id").GetString()!;
        await using var socket = await CandidateClient.ConnectAsync(
            fixture.Host.CandidateSocketAddress(id, created.GetProperty("candidateToken").GetString()), timeout.Token);
        await socket.WaitForAsync("session_ready", timeout.Token);

        await _client.PostJsonAsync($"api/interviews/{id}/end", timeout.Token);
        var ended = await socket.WaitForAsync("interview_ended", timeout.Token);
        await socket.ReadUntilClosedAsync(timeout.Token);

        Assert.Equal("ended_by_platform", ended.GetProperty("reason").GetString());
        Assert.NotNull(socket.Close);
        Assert.NotEqual(CandidateClose.ServiceRestart, socket.Close.Code);
    }

    private async Task<CandidateClient> ConnectToNewInterviewAsync(CancellationToken cancellationToken)
    {
        var created = await _client.CreateInterviewAsync(cancellationToken);
        return await CandidateClient.ConnectAsync(
            fixture.Host.CandidateSocketAddress(created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString()),
            cancellationToken);
    }
}
