using System.Text.Json;
using SyncHire.Audio;
using SyncHire.Audio.Speech;
using SyncHire.Providers;
using SyncHire.Providers.Offline;
using SyncHire.Grains.Tests.Audio;
using Xunit;

namespace SyncHire.Grains.Tests.Offline;

/// <summary>The offline interviewer driven through its public interface, as the interview grain drives it.</summary>
public sealed class OfflineInterviewerSessionTests
{
    private const int Rate = OfflineInterviewerSession.InputSampleRate;
    private const string LongTypedAnswer = "I split the monolith into three services and moved billing to a queue.";

    private static readonly string[] Questions =
    [
        "Tell me about a system you designed.",
        "How do you handle a production incident?",
        "What makes code easy to change?",
    ];

    private static readonly InterviewBrief Brief = new("Ada", "Backend Engineer", "senior", Questions.Length);

    private static readonly string Greeting =
        "Hello Ada, welcome to your interview for Backend Engineer. I'll ask you 3 questions, one at a time. " +
        $"Let's begin. {Questions[0]}";

    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void The_provider_is_the_always_configured_offline_one()
    {
        var provider = new OfflineInterviewerProvider(new SyntheticVoice());

        Assert.Equal("offline", provider.Name);
        Assert.True(provider.IsConfigured);
    }

    [Fact]
    public async Task The_greeting_names_the_candidate_and_asks_the_first_question_it_fetched()
    {
        await using var session = await OpenAsync();
        await using var driver = new InterviewDriver(session, Questions);

        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        Assert.Equal(Greeting, greeting.Text);
        Assert.False(greeting.Done.Cancelled);
        Assert.Equal(Greeting, greeting.FinalTranscript);
        Assert.Equal(Greeting, greeting.PartialTranscript);

        // It fetched the question before speaking, with the brief's role and level.
        var fetch = Assert.IsType<ToolCall>(greeting.Events[0]);
        Assert.Equal(InterviewTools.FetchNextQuestion, fetch.Name);
        using var arguments = JsonDocument.Parse(fetch.ArgumentsJson);
        Assert.Equal("Backend Engineer", arguments.RootElement.GetProperty("role").GetString());
        Assert.Equal("senior", arguments.RootElement.GetProperty("difficulty").GetString());
        Assert.Equal(JsonValueKind.Null, arguments.RootElement.GetProperty("topic").ValueKind);

        // Speaking: started, then audio in 100 ms chunks of exactly the voice's audio, final transcript, done.
        Assert.IsType<ResponseStarted>(greeting.Events[1]);
        Assert.IsType<ResponseDone>(greeting.Events[^1]);
        Assert.Equal(new OutputTranscriptDelta(Greeting, true), greeting.Events[^2]);
        Assert.All(greeting.Audio.SkipLast(1), chunk => Assert.Equal(4800, chunk.Pcm16Mono24k.Length));
        Assert.Equal(SyntheticVoice.Synthesize(Greeting), greeting.Audio.SelectMany(chunk => chunk.Pcm16Mono24k.ToArray()).ToArray());
    }

    [Fact]
    public async Task A_long_spoken_answer_is_stored_and_the_next_question_follows()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await SendAudioAsync(session, driver, Silence(0.3), Tone(2.5), Silence(1.2));
        var next = await driver.ReadResponseAsync();

        var started = Assert.Single(next.Events.OfType<SpeechStarted>());
        var stopped = Assert.Single(next.Events.OfType<SpeechStopped>());
        AssertNear(TimeSpan.FromSeconds(0.3), started.AudioOffset);
        AssertNear(TimeSpan.FromSeconds(2.8), stopped.AudioOffset);
        Assert.Equal("(spoken answer, 2.5 s; not transcribed offline)", next.CandidateTranscript);

        Assert.Equal([InterviewTools.StoreAnswer, InterviewTools.FetchNextQuestion], next.ToolCalls.Select(c => c.Name));
        var stored = Assert.Single(driver.StoredAnswers);
        Assert.Equal(new StoreAnswerArguments("q1", next.CandidateTranscript!, null, []), stored with { Tags = [] });
        Assert.Empty(stored.Tags);
        Assert.Contains("\"score\":null", next.ToolCalls[0].ArgumentsJson);

        Assert.Equal($"Thank you. Next question. {Questions[1]}", next.Text);
    }

    [Fact]
    public async Task A_short_spoken_answer_gets_one_follow_up_then_the_interview_moves_on()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await SendAudioAsync(session, driver, Tone(1.0), Silence(1.2));
        var followUp = await driver.ReadResponseAsync();
        await SendAudioAsync(session, driver, Tone(1.0), Silence(1.2));
        var next = await driver.ReadResponseAsync();

        Assert.Equal("Could you tell me a bit more about that? For example, a concrete situation where you applied it.", followUp.Text);
        Assert.Equal([InterviewTools.StoreAnswer], followUp.ToolCalls.Select(c => c.Name));
        Assert.Equal("(spoken answer, 1.0 s; not transcribed offline)", followUp.CandidateTranscript);

        // Still short, but a question gets only one follow-up.
        Assert.Equal($"Thank you. Next question. {Questions[1]}", next.Text);
        Assert.Equal(["q1", "q1"], driver.StoredAnswers.Select(a => a.QuestionId));
    }

    [Fact]
    public async Task A_typed_interview_runs_to_the_closing_question_and_ends_after_the_goodbye()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        var texts = new List<string>();
        for (var i = 0; i < Questions.Length; i++)
        {
            await session.SendTextAsync(LongTypedAnswer, driver.Token);
            var response = await driver.ReadResponseAsync();
            Assert.Equal(LongTypedAnswer, response.CandidateTranscript);
            texts.Add(response.Text);
        }

        await session.SendTextAsync("No, thank you.", driver.Token);
        var goodbye = await driver.ReadResponseAsync();

        Assert.Equal(
        [
            $"Thank you. Next question. {Questions[1]}",
            $"Thank you. Next question. {Questions[2]}",
            "Thank you, Ada. That was my last question. Do you have any questions for me?",
        ], texts);
        Assert.Equal(["q1", "q2", "q3"], driver.StoredAnswers.Select(a => a.QuestionId));
        Assert.All(driver.StoredAnswers, answer => Assert.Equal(LongTypedAnswer, answer.Transcript));

        Assert.Equal("Thank you for your time, Ada. This concludes our interview. Goodbye.", goodbye.Text);
        Assert.Equal("No, thank you.", goodbye.CandidateTranscript);
        Assert.Equal(new EndInterviewArguments("completed"), Assert.Single(driver.EndRequests));
        // The closing answer is not an answer to a question, and the interview ends before the response is done.
        Assert.Equal([InterviewTools.EndInterview], goodbye.ToolCalls.Select(c => c.Name));
        var order = goodbye.Events.FindIndex(e => e is OutputTranscriptDelta { IsFinal: true });
        Assert.True(order < goodbye.Events.FindIndex(e => e is ToolCall));
        Assert.IsType<ResponseDone>(goodbye.Events[^1]);
        Assert.NotEmpty(goodbye.Audio);
    }

    [Fact]
    public async Task A_short_typed_answer_gets_a_follow_up()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await session.SendTextAsync("  I used caching.  ", driver.Token);
        var followUp = await driver.ReadResponseAsync();

        Assert.Equal("I used caching.", followUp.CandidateTranscript);
        Assert.StartsWith("Could you tell me a bit more about that?", followUp.Text);
        Assert.Empty(followUp.Events.OfType<SpeechStarted>());
    }

    [Fact]
    public async Task Committing_with_no_audio_does_nothing()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await session.CommitTurnAsync(driver.Token);
        await session.SendTextAsync(LongTypedAnswer, driver.Token);
        var next = await driver.ReadResponseAsync();

        // Had the empty commit ended a turn, its note would be the answer and a follow-up would be asked.
        Assert.Equal(LongTypedAnswer, Assert.Single(next.Events.OfType<InputTranscriptDelta>()).Text);
        Assert.Equal($"Thank you. Next question. {Questions[1]}", next.Text);
    }

    [Fact]
    public async Task Committing_silence_is_an_answer_without_speech()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await SendAudioAsync(session, driver, Silence(1.0));
        await session.CommitTurnAsync(driver.Token);
        var followUp = await driver.ReadResponseAsync();

        Assert.Equal("(no speech detected in 1.0 s of audio)", followUp.CandidateTranscript);
        Assert.Empty(followUp.Events.OfType<SpeechStopped>());
        Assert.StartsWith("Could you tell me a bit more", followUp.Text);
    }

    [Fact]
    public async Task Committing_during_speech_ends_the_turn_at_the_last_voiced_audio()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await SendAudioAsync(session, driver, Silence(0.2), Tone(2.5));
        await session.CommitTurnAsync(driver.Token);
        var next = await driver.ReadResponseAsync();

        AssertNear(TimeSpan.FromSeconds(2.7), Assert.Single(next.Events.OfType<SpeechStopped>()).AudioOffset);
        Assert.Equal("(spoken answer, 2.5 s; not transcribed offline)", next.CandidateTranscript);
        Assert.Equal($"Thank you. Next question. {Questions[1]}", next.Text);
    }

    [Fact]
    public async Task Input_while_the_interviewer_is_talking_is_ignored()
    {
        await using var session = await OpenAsync();
        await using var driver = new InterviewDriver(session, Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadUntilAsync(e => e is AudioDelta);

        await session.SendTextAsync("This arrives while the interviewer is still talking to me.", driver.Token);
        await SendAudioAsync(session, driver, Tone(2.5));
        await session.CommitTurnAsync(driver.Token);
        await driver.ReadResponseAsync();
        // Speech heard during the response must not carry over: this silence would otherwise end it as an answer.
        await SendAudioAsync(session, driver, Silence(1.2));
        await session.SendTextAsync(LongTypedAnswer, driver.Token);
        var next = await driver.ReadResponseAsync();

        Assert.Equal(LongTypedAnswer, Assert.Single(driver.Events.OfType<InputTranscriptDelta>()).Text);
        Assert.Empty(driver.Events.OfType<SpeechStarted>());
        Assert.Equal($"Thank you. Next question. {Questions[1]}", next.Text);
    }

    [Fact]
    public async Task Cancelling_stops_the_audio_and_marks_the_response_cancelled()
    {
        await using var session = await OpenAsync();
        await using var driver = new InterviewDriver(session, Questions);
        await session.CreateResponseAsync(driver.Token);
        var beforeCancel = await driver.ReadUntilAsync(e => e is AudioDelta);

        await session.CancelResponseAsync(TimeSpan.FromMilliseconds(100), driver.Token);
        var afterCancel = new SpokenResponse(await driver.ReadUntilAsync(e => e is ResponseDone));

        Assert.Single(beforeCancel.OfType<AudioDelta>());
        Assert.Empty(afterCancel.Audio);
        Assert.True(afterCancel.Done.Cancelled);
        Assert.Equal(Greeting, afterCancel.Done.Text);
        Assert.Equal(Greeting, afterCancel.FinalTranscript);

        // The conversation goes on: the candidate answers the question they heard, and the next response is whole.
        await session.SendTextAsync(LongTypedAnswer, driver.Token);
        var next = await driver.ReadResponseAsync();
        Assert.False(next.Done.Cancelled);
        Assert.Equal(SyntheticVoice.Synthesize(next.Text).Length, next.AudioBytes);
    }

    [Fact]
    public async Task Cancelling_after_a_response_is_done_changes_nothing()
    {
        await using var session = await OpenAsync();
        await using var driver = await StartAsync(session);

        await session.CancelResponseAsync(TimeSpan.FromSeconds(1), driver.Token);
        await session.SendTextAsync(LongTypedAnswer, driver.Token);
        var next = await driver.ReadResponseAsync();

        Assert.False(next.Done.Cancelled);
        Assert.Equal(SyntheticVoice.Synthesize(next.Text).Length, next.AudioBytes);
    }

    [Fact]
    public async Task A_session_opened_with_history_apologises_and_continues_with_the_current_question()
    {
        HistoryTurn[] history = [new("interviewer", Greeting), new("candidate", LongTypedAnswer), new("interviewer", Questions[1])];
        await using var session = await OpenAsync(history);
        await using var driver = new InterviewDriver(session, Questions, firstQuestion: 1);

        await session.CreateResponseAsync(driver.Token);
        var resumed = await driver.ReadResponseAsync();
        await session.SendTextAsync(LongTypedAnswer, driver.Token);
        var next = await driver.ReadResponseAsync();

        Assert.Equal($"Sorry about that, we got disconnected. Let's continue. {Questions[1]}", resumed.Text);
        Assert.Equal("q2", Assert.Single(driver.StoredAnswers).QuestionId);
        Assert.Equal($"Thank you. Next question. {Questions[2]}", next.Text);
    }

    [Fact]
    public async Task A_failing_voice_falls_back_to_the_synthetic_one_and_says_so()
    {
        var brokenEspeak = new EspeakTextToSpeech(TestExecutables.Script("echo 'no audio device' >&2; exit 1"));
        await using var session = await new OfflineInterviewerProvider(brokenEspeak).ConnectAsync(
            new RealtimeSessionOptions("", Brief, InterviewTools.Definitions, []), TestContext.Current.CancellationToken);
        await using var driver = new InterviewDriver(session, Questions);

        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        var error = Assert.Single(greeting.Events.OfType<ProviderError>());
        Assert.False(error.Fatal);
        Assert.Equal("voice_failed", error.Code);
        Assert.Contains("no audio device", error.Message);
        Assert.Equal(Greeting, greeting.Text);
        Assert.Equal(SyntheticVoice.Synthesize(Greeting).Length, greeting.AudioBytes);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"ok":false,"error":"no questions loaded"}""")]
    [InlineData("""{"done":false,"total":3}""")]
    public async Task A_broken_question_result_is_a_fatal_provider_error(string result)
    {
        await using var session = await OpenAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var events = session.Events.GetAsyncEnumerator(cancellationToken);
        await session.CreateResponseAsync(cancellationToken);

        Assert.True(await events.MoveNextAsync());
        var call = Assert.IsType<ToolCall>(events.Current);
        await session.SendToolResultAsync(call.CallId, result, cancellationToken);
        Assert.True(await events.MoveNextAsync());

        var error = Assert.IsType<ProviderError>(events.Current);
        Assert.True(error.Fatal);
        Assert.Equal("invalid_tool_result", error.Code);
        Assert.Contains(InterviewTools.FetchNextQuestion, error.Message);
    }

    [Fact]
    public async Task A_result_for_another_call_is_not_taken_as_the_answer()
    {
        await using var session = await OpenAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var events = session.Events.GetAsyncEnumerator(cancellationToken);
        await session.CreateResponseAsync(cancellationToken);
        Assert.True(await events.MoveNextAsync());
        var call = Assert.IsType<ToolCall>(events.Current);

        await session.SendToolResultAsync("some_other_call", "garbage", cancellationToken);
        await session.SendToolResultAsync(call.CallId,
            JsonSerializer.Serialize(new NextQuestionResult(false, 1, "q1", 0, "Why us?"), InterviewTools.JsonOptions), cancellationToken);

        Assert.True(await events.MoveNextAsync());
        Assert.IsType<ResponseStarted>(events.Current);
    }

    [Fact]
    public async Task Disposing_completes_the_event_stream_and_refuses_further_input()
    {
        var session = await OpenAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var events = session.Events.GetAsyncEnumerator(cancellationToken);
        await session.CreateResponseAsync(cancellationToken);
        Assert.True(await events.MoveNextAsync());
        Assert.IsType<ToolCall>(events.Current);

        await session.DisposeAsync();

        Assert.False(await events.MoveNextAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.SendTextAsync("hello", cancellationToken));
        await session.DisposeAsync(); // Idempotent.
    }

    [Fact]
    public async Task Bad_arguments_are_rejected_clearly()
    {
        await using var session = await OpenAsync();
        var cancellationToken = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await session.SendTextAsync(null!, cancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(async () => await session.SendToolResultAsync(" ", "{}", cancellationToken));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await session.CancelResponseAsync(TimeSpan.FromSeconds(-1), cancellationToken));
        await session.UpdateInstructionsAsync("Be brief.", cancellationToken);
    }

    private static async Task<IRealtimeSession> OpenAsync(IReadOnlyList<HistoryTurn>? history = null) =>
        await new OfflineInterviewerProvider(new SyntheticVoice()).ConnectAsync(
            new RealtimeSessionOptions("Interview instructions the offline script ignores.", Brief, InterviewTools.Definitions, history ?? []),
            TestContext.Current.CancellationToken);

    /// <summary>Opens the interview and reads the greeting, leaving the session waiting for the first answer.</summary>
    private static async Task<InterviewDriver> StartAsync(IRealtimeSession session)
    {
        var driver = new InterviewDriver(session, Questions);
        await session.CreateResponseAsync(driver.Token);
        Assert.Equal(Greeting, (await driver.ReadResponseAsync()).Text);
        return driver;
    }

    /// <summary>Streams audio as a browser does: 20 ms frames of 16 kHz PCM16.</summary>
    private static async Task SendAudioAsync(IRealtimeSession session, InterviewDriver driver, params short[][] parts)
    {
        foreach (var frame in TestSignals.Chunks(TestSignals.Concat(parts), Pcm16.ByteCount(Chunk, Rate)))
        {
            await session.SendAudioAsync(frame, driver.Token);
        }
    }

    private static short[] Tone(double seconds) => TestSignals.Sine(220, TimeSpan.FromSeconds(seconds), Rate);

    private static short[] Silence(double seconds) => TestSignals.Silence(TimeSpan.FromSeconds(seconds), Rate);

    private static void AssertNear(TimeSpan expected, TimeSpan actual) => Assert.InRange(actual, expected - Chunk, expected + Chunk);
}
