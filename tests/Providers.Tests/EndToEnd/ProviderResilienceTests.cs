using SyncHire.Emulators.GeminiLive;
using SyncHire.Emulators.OpenAIHttp;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using SyncHire.Providers.Gemini;
using SyncHire.Providers.OpenAI;

namespace SyncHire.Providers.Tests.EndToEnd;

/// <summary>
/// Whole interviews through the grain and the real adapters while the emulated providers misbehave the way the
/// real ones do: a dropped socket, a provider that is down, Gemini's goAway every few minutes, OpenAI's session
/// clock. Each interview must still reach its goodbye with the transcript intact.
/// </summary>
public sealed class ProviderResilienceTests : IAsyncLifetime
{
    private readonly EmulatorOptions _options = new();
    private EmulatorServer _emulators = null!;
    private GeminiLiveEmulator _gemini = null!;

    private OpenAIRealtimeRecorder OpenAISessions => OpenAIRealtimeEmulator.Recorder(_options);

    public async ValueTask InitializeAsync() =>
        _emulators = await EmulatorServer.StartAsync(_options, (app, options) =>
        {
            OpenAIHttpEmulator.Map(app, options);
            OpenAIRealtimeEmulator.Map(app, options);
            _gemini = app.MapGeminiLive(options);
        });

    public async ValueTask DisposeAsync() => await _emulators.DisposeAsync();

    [Fact]
    public async Task An_openai_socket_dropped_mid_answer_is_reopened_with_the_transcript_and_the_interview_finishes()
    {
        await using var cluster = await ProviderCluster.StartAsync(_emulators);
        var id = await ProviderCluster.CreateInterviewAsync(cluster, OpenAIRealtimeProvider.ProviderName);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await SpokenAsync(candidate);

        // The network drops while the candidate is answering.
        _options.Faults.Arm(OpenAIRealtimeEmulator.Name, new EmulatorFault(FaultKind.Drop, AfterMessages: 30));
        await SpeakAsync(candidate, TimeSpan.FromSeconds(3));

        Assert.Contains("Reconnecting", (await candidate.WaitForAsync("notice")).GetProperty("message").GetString());
        Assert.Contains("Reconnected", (await candidate.WaitForAsync("notice")).GetProperty("message").GetString());
        // The new session was seeded with what was said before the drop.
        var second = await OpenAISessions.SessionAsync(1, TimeSpan.FromSeconds(10));
        await second.WaitForAsync(s => s.Conversation.OfType<ConversationItem.AssistantMessage>().Any(m => m.Text.Contains("Ada Lovelace")), TimeSpan.FromSeconds(10));
        // The interviewer speaks first after a reconnect; the candidate listens before answering again.
        await SpokenAsync(candidate);

        await FinishInterviewAsync(candidate);
        var snapshot = (await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot())!;
        Assert.Equal(EndReasons.Completed, snapshot.EndReason);
        Assert.Contains(snapshot.Transcript, t => t.Text.Contains(ProviderCluster.Questions[1]));
    }

    [Fact]
    public async Task When_openai_is_down_the_interview_fails_over_to_the_secondary_provider()
    {
        _options.Faults.Arm(OpenAIRealtimeEmulator.Name, new EmulatorFault(FaultKind.RefuseConnections, Once: false));
        await using var cluster = await ProviderCluster.StartAsync(_emulators, new Dictionary<string, string?>
        {
            ["Interviews:FallbackProvider"] = GeminiLiveProvider.ProviderName,
        });
        var id = await ProviderCluster.CreateInterviewAsync(cluster, OpenAIRealtimeProvider.ProviderName);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);

        await candidate.SendJsonAsync("""{"type":"start_interview"}""");

        Assert.Contains("backup", (await candidate.WaitForAsync("notice", e => e.GetProperty("message").GetString()!.Contains("backup"))).GetProperty("message").GetString());
        Assert.Contains(ProviderCluster.Questions[0], await SpokenAsync(candidate));
        Assert.Empty(OpenAISessions.Sessions);
        Assert.NotEmpty(_gemini.Connections);
        await FinishInterviewAsync(candidate);
    }

    [Fact]
    public async Task Gemini_goAway_three_times_in_one_interview_is_resumed_without_the_candidate_noticing()
    {
        var ct = TestContext.Current.CancellationToken;
        // Gemini warns with goAway before ending a connection (about every ten minutes); here each connection is
        // warned early, one after another: during the greeting, then during each of the next two answers.
        GoAwaySoon(afterMessages: 2);
        await using var cluster = await ProviderCluster.StartAsync(_emulators);
        var id = await ProviderCluster.CreateInterviewAsync(cluster, GeminiLiveProvider.ProviderName);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        Assert.Contains(ProviderCluster.Questions[0], await SpokenAsync(candidate));
        await _gemini.WaitForConnectionsAsync(2, ct);

        GoAwaySoon(afterMessages: 10);
        await SpeakAsync(candidate, TimeSpan.FromSeconds(3));
        Assert.Contains(ProviderCluster.Questions[1], await SpokenAsync(candidate));
        await _gemini.WaitForConnectionsAsync(3, ct);

        GoAwaySoon(afterMessages: 10);
        await SpeakAsync(candidate, TimeSpan.FromSeconds(3));
        Assert.Contains("Do you have any questions for me?", await SpokenAsync(candidate));
        await _gemini.WaitForConnectionsAsync(4, ct);

        await SpeakAsync(candidate, TimeSpan.FromSeconds(2.5));
        Assert.Equal("completed", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());

        // Four connections, one conversation: the model's context carried over each time, and the candidate was
        // never told anything (no reconnect notice) because nothing was lost.
        Assert.Equal(4, _gemini.Connections.Count);
        Assert.Single(_gemini.Connections.Select(c => c.ConversationId).Distinct());
        Assert.DoesNotContain(candidate.Received, f => f.Type == "notice");
        var snapshot = (await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot())!;
        Assert.Equal(EndReasons.Completed, snapshot.EndReason);
        Assert.Equal([0, 1], await ProviderCluster.StoredAnswerIndexesAsync(cluster, id));
    }

    private void GoAwaySoon(int afterMessages) =>
        _options.Faults.Arm("gemini", new EmulatorFault(FaultKind.GoAway, afterMessages, Delay: TimeSpan.FromSeconds(3)));

    [Fact]
    public async Task An_openai_session_is_rolled_over_before_its_limit_and_the_conversation_carries_on()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z"));
        await using var cluster = await ProviderCluster.StartAsync(_emulators, new Dictionary<string, string?>
        {
            // A shortened clock: the real default is 55 minutes, under OpenAI's 60.
            ["Providers:OpenAI:MaxSessionDuration"] = "00:10:00",
        }, time);
        var id = await ProviderCluster.CreateInterviewAsync(cluster, OpenAIRealtimeProvider.ProviderName);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await SpokenAsync(candidate);

        time.Advance(TimeSpan.FromMinutes(11));
        await SpeakAsync(candidate, TimeSpan.FromSeconds(3));
        Assert.Contains(ProviderCluster.Questions[1], await SpokenAsync(candidate));

        // Rolled over at that quiet moment: a second session, seeded with the conversation, silent until spoken to.
        var fresh = await OpenAISessions.SessionAsync(1, TimeSpan.FromSeconds(10));
        await fresh.WaitForAsync(s => s.Conversation.OfType<ConversationItem.AssistantMessage>().Any(m => m.Text.Contains(ProviderCluster.Questions[1])), TimeSpan.FromSeconds(10));
        // The swap is complete once the grain has closed the old session: speech before that still goes to it.
        await (await OpenAISessions.SessionAsync(0, TimeSpan.FromSeconds(10))).WaitForAsync(s => s.Ended, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(candidate.Received, f => f.Type == "notice");

        await FinishInterviewAsync(candidate, startedSecondQuestion: true);
        Assert.Equal(2, OpenAISessions.Sessions.Count);
    }

    /// <summary>Answers until the closing question, answers that too, and waits for the interview to end.</summary>
    private static async Task FinishInterviewAsync(CandidateClient candidate, bool startedSecondQuestion = false)
    {
        for (var turn = 0; turn < 6; turn++)
        {
            await SpeakAsync(candidate, TimeSpan.FromSeconds(3));
            if ((await SpokenAsync(candidate)).Contains("Do you have any questions for me?"))
            {
                await SpeakAsync(candidate, TimeSpan.FromSeconds(2.5));
                Assert.Equal("completed", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
                return;
            }
        }

        Assert.Fail($"The interviewer never reached the closing question (second question started: {startedSecondQuestion}).");
    }

    private static async Task<string> SpokenAsync(CandidateClient candidate) =>
        (await candidate.WaitForAsync("ai_response_complete")).GetProperty("text").GetString()!;

    private static async Task SpeakAsync(CandidateClient candidate, TimeSpan speech)
    {
        foreach (var frame in TestAudio.Frames([.. TestAudio.Tone(speech, 300, 0.3), .. new byte[TestAudio.SampleRate * 2 * 3 / 2]]))
        {
            await candidate.SendAudioAsync(frame);
        }
    }
}
