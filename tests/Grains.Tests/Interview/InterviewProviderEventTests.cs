using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

/// <summary>How the grain turns provider events into candidate events, with the interviewer scripted by the test.</summary>
public sealed class InterviewProviderEventTests
{
    private static async Task<(CandidateClient Candidate, ScriptedSession Session, IInterviewGrain Grain)> StartScriptedAsync(
        SyncHire.Testing.SyncHireTestCluster cluster, ScriptedProvider provider)
    {
        var (id, grain) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition() with { Provider = ScriptedProvider.ProviderName });
        var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        var session = await provider.NextSessionAsync();
        await session.NextCommandAsync("create");
        return (candidate, session, grain);
    }

    [Fact]
    public async Task The_session_is_opened_with_the_prompt_the_brief_and_the_tools()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (candidate, session, _) = await StartScriptedAsync(cluster, provider);
        await using var _ = candidate;

        Assert.Contains("Backend Engineer", session.Options.Instructions);
        Assert.Contains("one question at a time", session.Options.Instructions);
        Assert.Contains($"1. {InterviewCluster.TwoQuestions[0]}", session.Options.Instructions);
        Assert.Contains($"2. {InterviewCluster.TwoQuestions[1]}", session.Options.Instructions);
        Assert.Contains("Do you have any questions for me?", session.Options.Instructions);
        Assert.Equal(new InterviewBrief("Ada Lovelace", "Backend Engineer", "intermediate", 2), session.Options.Brief);
        Assert.Equal(InterviewTools.Definitions.Select(t => t.Name), session.Options.Tools.Select(t => t.Name));
        Assert.Empty(session.Options.History);
    }

    [Fact]
    public async Task Candidate_speech_during_the_interviewer_response_cancels_it_and_interrupts_playback()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (candidate, session, grain) = await StartScriptedAsync(cluster, provider);
        await using var _ = candidate;

        session.Emit(new ResponseStarted(), new AudioDelta(new byte[4800]), new OutputTranscriptDelta("Hello Ada, ", false));
        await candidate.WaitForAsync("thinking");
        await candidate.WaitForAsync("thinking_complete");
        Assert.Equal(0, (await candidate.WaitForAsync("ai_audio_chunk")).GetProperty("amplitude").GetDouble());
        Assert.Equal(4800, (await candidate.NextFrameAsync()).Audio.Length);
        await candidate.WaitForAsync("transcript");

        session.Emit(new SpeechStarted(TimeSpan.FromSeconds(1)));

        await candidate.WaitForAsync("speech_started");
        await candidate.WaitForAsync("interrupted");
        var cancel = await session.NextCommandAsync("cancel:");
        Assert.InRange(double.Parse(cancel["cancel:".Length..], System.Globalization.CultureInfo.InvariantCulture), 0, 100);

        session.Emit(new ResponseDone("Hello Ada, ", Cancelled: true));
        Assert.Equal("Hello Ada, ", (await candidate.WaitForAsync("ai_response_complete")).GetProperty("text").GetString());
        Assert.Empty((await grain.GetSnapshot())!.Transcript);
    }

    [Fact]
    public async Task Tool_calls_run_against_the_interview_and_their_results_go_back_to_the_provider()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (candidate, session, grain) = await StartScriptedAsync(cluster, provider);
        await using var _ = candidate;

        session.Emit(new ToolCall("call_1", InterviewTools.FetchNextQuestion, """{"role":"Backend Engineer","difficulty":"mid","topic":null}"""));

        var progress = await candidate.WaitForAsync("question_progress");
        Assert.Equal(1, progress.GetProperty("index").GetInt32());
        var result = await session.NextCommandAsync("tool:call_1:");
        var json = JsonDocument.Parse(result["tool:call_1:".Length..]).RootElement;
        Assert.Equal("q1", json.GetProperty("question_id").GetString());
        Assert.Equal(InterviewCluster.TwoQuestions[0], json.GetProperty("text").GetString());

        session.Emit(new ToolCall("call_2", InterviewTools.StoreAnswer, """{"question_id":"q9","transcript":"x","score":null,"tags":[]}"""));
        Assert.Contains("\"ok\":false", await session.NextCommandAsync("tool:call_2:"));
        session.Emit(new ToolCall("call_3", InterviewTools.EndInterview, """{"reason":"completed"}"""));
        Assert.EndsWith("""{"ok":true}""", await session.NextCommandAsync("tool:call_3:"));

        // end_interview lets the goodbye finish: the interview completes when the response is done.
        session.Emit(new ResponseStarted(), new OutputTranscriptDelta("Goodbye.", true), new ResponseDone("Goodbye."));
        Assert.Equal("completed", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
        await session.NextCommandAsync("dispose");
        var snapshot = await grain.GetSnapshot();
        Assert.Equal(0, snapshot!.CurrentQuestionIndex);
        Assert.Equal("Goodbye.", Assert.Single(snapshot.Transcript).Text);
    }

    [Fact]
    public async Task A_response_without_a_final_transcript_is_still_recorded_from_its_text()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (candidate, session, grain) = await StartScriptedAsync(cluster, provider);
        await using var _ = candidate;

        session.Emit(new ResponseStarted(), new ResponseDone("Welcome to the interview."));

        var final = await candidate.WaitForAsync("transcript", e => e.GetProperty("final").GetBoolean());
        Assert.Equal(1, final.GetProperty("sequence").GetInt32());
        Assert.Equal("Welcome to the interview.", (await candidate.WaitForAsync("ai_response_complete")).GetProperty("text").GetString());
        Assert.Equal("Welcome to the interview.", Assert.Single((await grain.GetSnapshot())!.Transcript).Text);
    }

    [Fact]
    public async Task Candidate_audio_commits_and_typed_answers_reach_the_provider()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (candidate, session, _) = await StartScriptedAsync(cluster, provider);
        await using var _ = candidate;

        await candidate.SendAudioAsync(new byte[640]);
        await candidate.SendJsonAsync("""{"type":"audio_chunk","data":[1,2,3]}""");
        await candidate.SendJsonAsync("""{"type":"send_for_AI_processing"}""");
        await candidate.SendJsonAsync("""{"type":"text_answer","text":"Typed."}""");

        Assert.Equal("audio:640", await session.NextCommandAsync("audio"));
        Assert.Equal("audio:6", await session.NextCommandAsync("audio"));
        await session.NextCommandAsync("commit");
        Assert.Equal("text:Typed.", await session.NextCommandAsync("text:"));
    }
}
