using System.Text;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

/// <summary>The candidate session: bad input, input before start, reconnects and reactivation.</summary>
public sealed class InterviewSessionTests
{
    [Fact]
    public async Task Bad_frames_get_error_events_and_the_session_survives()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, _) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.WaitForAsync("session_ready");

        (Func<Task> Send, string Code)[] cases =
        [
            (() => SendJsonAsync(candidate, "this is not json"), "invalid_json"),
            (() => SendJsonAsync(candidate, """{"type":"sing_a_song"}"""), "unknown_type"),
            (() => SendJsonAsync(candidate, """{"timestamp":"2024-11-25T10:00:00"}"""), "missing_field"),
            (() => SendJsonAsync(candidate, """{"type":"audio_chunk","data":[1,2,40000]}"""), "invalid_audio"),
            (() => candidate.SendAudioAsync(new byte[] { 1, 2, 3 }), "invalid_audio"),
            (() => candidate.SendAudioAsync(new byte[40_000]), "invalid_audio"),
            (() => SendJsonAsync(candidate, $$"""{"type":"ping","pad":"{{new string('x', 200_000)}}"}"""), "frame_too_large"),
        ];
        foreach (var (send, code) in cases)
        {
            await send();
            var error = await candidate.WaitForAsync("error");
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }

        await candidate.SendJsonAsync("""{"type":"ping"}""");
        await candidate.WaitForAsync("pong");
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        Assert.Equal(1, (await candidate.WaitForAsync("question_progress")).GetProperty("index").GetInt32());
        await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        await candidate.SendAudioAsync(new byte[641]);
        Assert.Equal("invalid_audio", (await candidate.WaitForAsync("error")).GetProperty("code").GetString());
        await InterviewFlowTests.AnswerWithToneAsync(candidate, expectedSequence: 2, questionIndex: 1);
        Assert.Equal(2, (await candidate.WaitForAsync("question_progress")).GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task Audio_commit_or_text_before_start_is_not_started_and_changes_nothing()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.WaitForAsync("session_ready");

        await candidate.SendAudioAsync(TestAudio.ToneAnswerFrames()[0]);
        await candidate.SendJsonAsync("""{"type":"audio_chunk","data":[0,100,-100,0],"timestamp":"2024-11-25T10:00:00"}""");
        await candidate.SendJsonAsync("""{"type":"send_for_AI_processing"}""");
        await candidate.SendJsonAsync("""{"type":"text_answer","text":"hello"}""");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("not_started", (await candidate.WaitForAsync("error")).GetProperty("code").GetString());
        }

        await candidate.SendJsonAsync("""{"type":"ping"}""");
        await candidate.WaitForAsync("pong");
        var snapshot = await grain.GetSnapshot();
        Assert.Equal(InterviewStatus.Created, snapshot!.Status);
        Assert.Null(snapshot.StartedAt);
        Assert.Empty(snapshot.Transcript);
        Assert.DoesNotContain("thinking", candidate.ReceivedTypes);
    }

    [Fact]
    public async Task A_newer_connection_replaces_the_old_one_and_resumes_with_the_transcript()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var first = await CandidateClient.ConnectAsync(cluster, id);
        await first.SendJsonAsync("""{"type":"start_interview"}""");
        var greeting = await InterviewFlowTests.ReadInterviewerResponseAsync(first, expectedSequence: 1);

        await using var second = await CandidateClient.ConnectAsync(cluster, id);

        var replaced = await first.ReadUntilClosedAsync();
        Assert.Equal(4000, replaced.Code);
        Assert.Equal("replaced by a newer connection", replaced.Reason);
        var ready = await second.WaitForAsync("session_ready");
        Assert.Equal("in_progress", ready.GetProperty("status").GetString());
        Assert.Equal(1, ready.GetProperty("question_index").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, ready.GetProperty("started_at").ValueKind);
        var resumed = await second.WaitForAsync("resumed");
        Assert.Equal("in_progress", resumed.GetProperty("status").GetString());
        Assert.True(resumed.GetProperty("elapsed_seconds").GetDouble() >= 0);
        var turn = Assert.Single(resumed.GetProperty("transcript").EnumerateArray());
        Assert.Equal(1, turn.GetProperty("sequence").GetInt32());
        Assert.Equal("interviewer", turn.GetProperty("speaker").GetString());
        Assert.Equal(greeting, turn.GetProperty("text").GetString());

        // The provider session carried on: a client built for seeds/004 says start again, and nothing restarts.
        await second.SendJsonAsync("""{"type":"start_interview"}""");
        await second.SendJsonAsync("""{"type":"text_answer","text":"I built an event-sourced ledger with snapshots and replay."}""");
        Assert.Equal(2, (await second.WaitForAsync("question_progress")).GetProperty("index").GetInt32());
        await InterviewFlowTests.ReadInterviewerResponseAsync(second, expectedSequence: 3);
        Assert.Equal(3, (await grain.GetSnapshot())!.Transcript.Count);
    }

    [Fact]
    public async Task After_the_silo_goes_away_a_reconnect_reopens_the_interviewer_and_re_asks_the_unanswered_question()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, _) = await InterviewCluster.CreateAsync(cluster);
        await using var first = await CandidateClient.ConnectAsync(cluster, id);
        await first.SendJsonAsync("""{"type":"start_interview"}""");
        await InterviewFlowTests.ReadInterviewerResponseAsync(first, expectedSequence: 1);
        var startedAt = (await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot())!.StartedAt;

        await cluster.StopSiloAsync(cluster.Silos[0]);
        Assert.Equal(1012, (await first.ReadUntilClosedAsync()).Code);
        await cluster.AddSiloAsync();
        await using var second = await CandidateClient.ConnectAsync(cluster, id);

        Assert.Equal("in_progress", (await second.WaitForAsync("session_ready")).GetProperty("status").GetString());
        Assert.Single((await second.WaitForAsync("resumed")).GetProperty("transcript").EnumerateArray());
        var apology = await InterviewFlowTests.ReadInterviewerResponseAsync(second, expectedSequence: 2);
        Assert.Equal($"Sorry about that, we got disconnected. Let's continue. {InterviewCluster.TwoQuestions[0]}", apology);
        Assert.DoesNotContain("question_progress", second.ReceivedTypes);

        await InterviewFlowTests.AnswerWithToneAsync(second, expectedSequence: 3, questionIndex: 1);
        Assert.Equal(2, (await second.WaitForAsync("question_progress")).GetProperty("index").GetInt32());
        var snapshot = await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot();
        Assert.Equal(startedAt, snapshot!.StartedAt);
        Assert.Equal(InterviewStatus.InProgress, snapshot.Status);
    }

    [Fact]
    public async Task Connecting_to_an_ended_interview_says_it_ended_and_closes()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await grain.End(EndReasons.Ended);

        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);

        Assert.Equal("completed", (await candidate.WaitForAsync("session_ready")).GetProperty("status").GetString());
        Assert.Equal("ended_by_platform", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
        Assert.Equal(1000, (await candidate.ReadUntilClosedAsync()).Code);
    }

    [Fact]
    public async Task Ending_from_the_platform_reaches_the_connected_candidate_once()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        var ended = await grain.End(EndReasons.Ended);
        var again = await grain.End(EndReasons.TimeLimit);

        Assert.Equal(EndReasons.Ended, ended.EndReason);
        Assert.Equal(EndReasons.Ended, again.EndReason);
        Assert.Equal(ended.EndedAt, again.EndedAt);
        Assert.Equal("ended_by_platform", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
        await candidate.ReadUntilClosedAsync();
        Assert.Single(candidate.ReceivedTypes, t => t == "interview_ended");
        await Assert.ThrowsAsync<ArgumentException>(() => grain.End("because"));
    }

    [Fact]
    public async Task Connecting_to_an_interview_that_was_never_created_is_refused()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        await using var candidate = await CandidateClient.ConnectAsync(cluster, "never-created");

        Assert.Equal("internal_error", (await candidate.WaitForAsync("error")).GetProperty("code").GetString());
        Assert.Equal(4404, (await candidate.ReadUntilClosedAsync()).Code);
        Assert.Null(await cluster.GrainFactory.GetGrain<IInterviewGrain>("never-created").GetSnapshot());
    }

    private static Task SendJsonAsync(CandidateClient candidate, string json) => candidate.SendJsonAsync(json);
}
