using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

/// <summary>Whole interviews through a real single-silo cluster on SQLite, spoken with the offline interviewer.</summary>
public sealed class InterviewFlowTests
{
    [Fact]
    public async Task Streamed_pcm_answers_carry_an_interview_from_greeting_to_completed_and_the_transcript_persists()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);

        var ready = await candidate.WaitForAsync("session_ready");
        Assert.Equal(id, ready.GetProperty("interview_id").GetString());
        Assert.Equal("created", ready.GetProperty("status").GetString());
        Assert.Equal(2, ready.GetProperty("question_count").GetInt32());
        Assert.Equal(1800, ready.GetProperty("max_duration_seconds").GetInt32());

        await candidate.SendJsonAsync("""{"type":"start_interview","timestamp":"2024-11-25T10:00:00"}""");
        var firstProgress = await candidate.WaitForAsync("question_progress");
        Assert.Equal(1, firstProgress.GetProperty("index").GetInt32());
        Assert.Equal(2, firstProgress.GetProperty("total").GetInt32());
        Assert.Equal(InterviewCluster.TwoQuestions[0], firstProgress.GetProperty("question").GetString());
        var greeting = await ReadInterviewerResponseAsync(candidate, expectedSequence: 1);
        Assert.StartsWith("Hello Ada Lovelace, welcome to your interview for Backend Engineer.", greeting);
        Assert.EndsWith(InterviewCluster.TwoQuestions[0], greeting);

        await AnswerWithToneAsync(candidate, expectedSequence: 2, questionIndex: 1);
        var secondProgress = await candidate.WaitForAsync("question_progress");
        Assert.Equal(2, secondProgress.GetProperty("index").GetInt32());
        Assert.Equal(InterviewCluster.TwoQuestions[1], secondProgress.GetProperty("question").GetString());
        Assert.EndsWith(InterviewCluster.TwoQuestions[1], await ReadInterviewerResponseAsync(candidate, expectedSequence: 3));

        await AnswerWithToneAsync(candidate, expectedSequence: 4, questionIndex: 2);
        Assert.EndsWith("Do you have any questions for me?", await ReadInterviewerResponseAsync(candidate, expectedSequence: 5));

        await AnswerWithToneAsync(candidate, expectedSequence: 6, questionIndex: 2);
        Assert.Contains("Goodbye", await ReadInterviewerResponseAsync(candidate, expectedSequence: 7));
        var ended = await candidate.WaitForAsync("interview_ended");
        Assert.Equal("completed", ended.GetProperty("reason").GetString());
        Assert.Equal(7, ended.GetProperty("transcript_turns").GetInt32());
        Assert.Equal(1000, (await candidate.ReadUntilClosedAsync()).Code);

        // Re-read from the database: stop the silo, start a fresh one, and ask the reactivated grain.
        await cluster.StopSiloAsync(cluster.Silos[0]);
        await cluster.AddSiloAsync();
        var snapshot = await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot();
        Assert.NotNull(snapshot);
        Assert.Equal(InterviewStatus.Completed, snapshot.Status);
        Assert.Equal(EndReasons.Completed, snapshot.EndReason);
        Assert.NotNull(snapshot.StartedAt);
        Assert.True(snapshot.EndedAt >= snapshot.StartedAt);
        Assert.Equal(1, snapshot.CurrentQuestionIndex);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], snapshot.Transcript.Select(t => t.Sequence));
        Assert.Equal(
            ["interviewer", "candidate", "interviewer", "candidate", "interviewer", "candidate", "interviewer"],
            snapshot.Transcript.Select(t => t.Speaker));
        Assert.Equal([0, 0, 1, 1, 1, 1, 1], snapshot.Transcript.Select(t => t.QuestionIndex ?? -1));
        Assert.Equal(greeting, snapshot.Transcript[0].Text);
        Assert.Contains("spoken answer", snapshot.Transcript[1].Text);
        Assert.All(snapshot.Transcript, t => Assert.True(t.EndMs >= t.StartMs && t.StartMs >= 0, $"offsets of turn {t.Sequence}"));
        Assert.True(snapshot.Transcript.Zip(snapshot.Transcript.Skip(1)).All(p => p.Second.StartMs >= p.First.StartMs), "turns in time order");
        GC.KeepAlive(grain);
    }

    [Fact]
    public async Task Typed_answers_work_like_spoken_ones()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        await candidate.SendJsonAsync("""{"type":"text_answer","text":"I designed a billing pipeline on Kafka with idempotent consumers."}""");

        var answer = await candidate.WaitForAsync("transcript", e => e.GetProperty("final").GetBoolean());
        Assert.Equal("candidate", answer.GetProperty("speaker").GetString());
        Assert.Equal("I designed a billing pipeline on Kafka with idempotent consumers.", answer.GetProperty("text").GetString());
        Assert.Equal(2, (await candidate.WaitForAsync("question_progress")).GetProperty("index").GetInt32());
        var snapshot = await grain.GetSnapshot();
        Assert.Equal("I designed a billing pipeline on Kafka with idempotent consumers.", snapshot!.Transcript[1].Text);
        Assert.Equal(1, snapshot.CurrentQuestionIndex);
    }

    [Fact]
    public async Task Candidate_can_end_the_interview()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        await candidate.SendJsonAsync("""{"type":"end_interview","timestamp":"2024-11-25T10:00:00"}""");

        Assert.Equal("candidate_ended", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
        Assert.Equal(1000, (await candidate.ReadUntilClosedAsync()).Code);
        var snapshot = await grain.GetSnapshot();
        Assert.Equal(InterviewStatus.Completed, snapshot!.Status);
        Assert.Equal(EndReasons.CandidateEnded, snapshot.EndReason);
        Assert.Single(snapshot.Transcript);
    }

    /// <summary>
    /// Reads one interviewer response: thinking, then thinking_complete before the first audio, every
    /// ai_audio_chunk directly followed by its binary PCM frame, partial then final transcript, ai_response_complete.
    /// </summary>
    internal static async Task<string> ReadInterviewerResponseAsync(CandidateClient candidate, int expectedSequence)
    {
        var start = candidate.Received.Count;
        var complete = await candidate.WaitForAsync("ai_response_complete");
        var frames = candidate.Received.Skip(start).ToList();
        var types = frames.Select(f => f.Type ?? "binary").ToList();

        var thinking = types.IndexOf("thinking");
        var thinkingComplete = types.IndexOf("thinking_complete");
        var firstAudio = types.IndexOf("ai_audio_chunk");
        Assert.True(thinking >= 0 && thinking < thinkingComplete && thinkingComplete < firstAudio, string.Join(",", types.Distinct()));
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Type == "ai_audio_chunk")
            {
                Assert.InRange(frames[i].Event.GetProperty("amplitude").GetDouble(), 0, 1);
                Assert.True(frames[i + 1].IsAudio, "ai_audio_chunk is followed by its audio frame");
                Assert.True(frames[i + 1].Audio.Length > 0 && frames[i + 1].Audio.Length % 2 == 0);
            }
        }

        Assert.Contains(frames, f => f.Type == "ai_audio_chunk" && f.Event.GetProperty("amplitude").GetDouble() > 0);
        var transcripts = frames.Where(f => f.Type == "transcript").Select(f => f.Event).ToList();
        Assert.Contains(transcripts, t => !t.GetProperty("final").GetBoolean());
        var final = Assert.Single(transcripts, t => t.GetProperty("final").GetBoolean());
        Assert.Equal("interviewer", final.GetProperty("speaker").GetString());
        Assert.Equal(expectedSequence, final.GetProperty("sequence").GetInt32());

        var text = complete.GetProperty("text").GetString()!;
        Assert.Equal(text, final.GetProperty("text").GetString());
        return text;
    }

    /// <summary>Speaks a 2.5 s answer as 20 ms binary frames and waits for the candidate's final transcript turn.</summary>
    internal static async Task<JsonElement> AnswerWithToneAsync(CandidateClient candidate, int expectedSequence, int questionIndex)
    {
        foreach (var frame in TestAudio.ToneAnswerFrames())
        {
            await candidate.SendAudioAsync(frame);
        }

        await candidate.WaitForAsync("speech_started");
        await candidate.WaitForAsync("speech_stopped");
        var turn = await candidate.WaitForAsync("transcript", e => e.GetProperty("final").GetBoolean());
        Assert.Equal("candidate", turn.GetProperty("speaker").GetString());
        Assert.Equal(expectedSequence, turn.GetProperty("sequence").GetInt32());
        Assert.Equal(questionIndex, turn.GetProperty("question_index").GetInt32());
        return turn;
    }
}
