using System.Net;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.EndToEnd;

/// <summary>
/// The product as the README's first command starts it (gateway and silo in one process, SQLite, the offline
/// interviewer), driven by a scripted candidate over a real WebSocket from creation to the persisted transcript.
/// </summary>
public sealed class WholeInterviewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_candidate_completes_a_whole_interview_and_the_transcript_is_persisted()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        using var http = fixture.Host.CreateClient();
        var created = await http.CreateInterviewAsync(ct, "Ada Lovelace", "Backend Engineer",
            "Tell me about a system you scaled.", "How do you test concurrent code?");
        var id = created.GetProperty("id").GetString()!;
        var token = created.GetProperty("candidateToken").GetString()!;

        await using var candidate = await CandidateClient.ConnectAsync(fixture.Host.CandidateSocketAddress(id, token), ct);
        var ready = await candidate.WaitForAsync("session_ready", ct);
        Assert.Equal(id, ready.GetProperty("interview_id").GetString());

        await candidate.StartInterviewAsync(ct);
        var greeting = await candidate.ListenToInterviewerAsync(ct);
        Assert.Contains("Ada Lovelace", greeting);
        Assert.Contains("Tell me about a system you scaled.", greeting);
        Assert.True(candidate.AudioBytesReceived > 24_000, "the greeting is spoken: at least half a second of 24 kHz audio");

        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        var second = await candidate.ListenToInterviewerAsync(ct);
        Assert.Contains("How do you test concurrent code?", second);

        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        Assert.Contains("Do you have any questions for me?", await candidate.ListenToInterviewerAsync(ct));

        await candidate.AnswerAsync(TimeSpan.FromSeconds(2.5), ct);
        var ended = await candidate.WaitForAsync("interview_ended", ct);
        Assert.Equal("completed", ended.GetProperty("reason").GetString());
        await candidate.ReadUntilClosedAsync(ct);

        // What the candidate saw, in the original guide's vocabulary and ours.
        Assert.NotEmpty(candidate.EventsOfType("thinking"));
        Assert.NotEmpty(candidate.EventsOfType("thinking_complete"));
        Assert.All(candidate.EventsOfType("ai_audio_chunk"), e => Assert.InRange(e.GetProperty("amplitude").GetDouble(), 0, 1));
        Assert.Equal([1, 2], candidate.EventsOfType("question_progress").Select(e => e.GetProperty("index").GetInt32()).Distinct());
        Assert.Equal(3, candidate.EventsOfType("speech_stopped").Count());

        // What the platform reads back.
        var (status, interview) = await http.GetJsonAsync($"api/interviews/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("completed", interview.GetProperty("status").GetString());
        Assert.Equal("completed", interview.GetProperty("endReason").GetString());
        var transcript = interview.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(
            ["interviewer", "candidate", "interviewer", "candidate", "interviewer", "candidate", "interviewer"],
            transcript.Select(t => t.GetProperty("speaker").GetString()));
        Assert.Contains("Goodbye", transcript[^1].GetProperty("text").GetString());
        Assert.Equal([1, 1, 2, 2], transcript.Take(4).Select(t => t.GetProperty("questionIndex").GetInt32()));
        AssertOffsetsIncrease(transcript);
    }

    private static void AssertOffsetsIncrease(List<JsonElement> transcript)
    {
        long previousEnd = 0;
        foreach (var turn in transcript)
        {
            var start = turn.GetProperty("startMs").GetInt64();
            var end = turn.GetProperty("endMs").GetInt64();
            Assert.True(start >= 0 && end >= start, $"turn offsets {start}..{end}");
            Assert.True(end >= previousEnd, "turns are in time order");
            previousEnd = end;
        }
    }
}
