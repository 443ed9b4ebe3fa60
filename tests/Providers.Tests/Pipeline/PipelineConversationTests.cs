using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Providers.Pipeline;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>
/// The pipeline adapter and the OpenAI HTTP emulator over loopback HTTP, driven the way the interview grain drives
/// a provider: greeting, spoken and typed answers, a follow-up, push-to-talk, barge-in.
/// </summary>
public sealed class PipelineConversationTests : IAsyncLifetime
{
    private static readonly string Greeting = $"Hello Ada Lovelace, welcome to your interview. Let's begin. {PipelineTestHost.Questions[0]}";
    private static readonly string SecondQuestion = $"Thank you. Next question. {PipelineTestHost.Questions[1]}";

    private PipelineTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await PipelineTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Greeting_fetches_the_first_question_then_speaks_it_sentence_by_sentence_at_24_kHz()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);

        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        Assert.IsType<ResponseStarted>(greeting.Events[0]);
        var call = Assert.Single(greeting.ToolCalls);
        Assert.Equal(InterviewTools.FetchNextQuestion, call.Name);
        Assert.Equal(Greeting, greeting.SpokenTranscript);
        Assert.Equal(Greeting, greeting.Done.Text);
        Assert.False(greeting.Done.Cancelled);

        // The transcript precedes the audio, and the tool call precedes both: the question is fetched before it is asked.
        var order = greeting.Events.Select(e => e.GetType()).ToList();
        Assert.True(order.IndexOf(typeof(ToolCall)) < order.IndexOf(typeof(OutputTranscriptDelta)));
        Assert.True(order.IndexOf(typeof(OutputTranscriptDelta)) < order.IndexOf(typeof(AudioDelta)));

        // Each sentence was synthesised on its own (so the first could play early), and all of it arrived.
        var speech = _host.Log.SpeechRequests;
        Assert.True(speech.Count >= 2, $"expected the greeting in several speech requests, got {speech.Count}");
        Assert.Equal(Greeting, string.Join(" ", speech.Select(r => r.Input)));
        Assert.All(speech, r => Assert.Equal(("tts-1", "alloy", "pcm"), (r.Model, r.Voice, r.ResponseFormat)));
        Assert.Equal(speech.Sum(r => EmulatedSpeech.Synthesize(r.Input, 24_000).Length), greeting.AudioBytes);
        Assert.All(greeting.Audio.SkipLast(1), chunk => Assert.Equal(PipelineSession.AudioChunkBytes, chunk.Pcm16Mono24k.Length));
    }

    [Fact]
    public async Task A_spoken_answer_ends_at_the_pause_is_transcribed_from_a_16_kHz_WAV_and_stored_before_the_next_question()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await CandidateSpeech.SendAsync(session, CandidateSpeech.Answer(TimeSpan.FromSeconds(2.5)), driver.Token);
        var reply = await driver.ReadResponseAsync();

        var expectedTranscript = EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(2.5));
        var kinds = reply.Events.Select(e => e.GetType()).ToList();
        Assert.Equal([typeof(SpeechStarted), typeof(SpeechStopped), typeof(ResponseStarted), typeof(InputTranscriptDelta)], kinds.Take(4));
        var started = (SpeechStarted)reply.Events[0];
        Assert.InRange(started.AudioOffset, TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(240));
        Assert.Equal(expectedTranscript, reply.CandidateTranscript);
        Assert.Equal([InterviewTools.StoreAnswer, InterviewTools.FetchNextQuestion], reply.ToolCalls.Select(c => c.Name));
        var stored = Assert.Single(driver.StoredAnswers);
        Assert.Equal(("q1", expectedTranscript), (stored.QuestionId, stored.Transcript));
        Assert.Equal(SecondQuestion, reply.Done.Text);
        Assert.True(reply.AudioBytes > 0);

        var transcription = Assert.Single(_host.Log.TranscriptionRequests);
        Assert.Equal(("whisper-1", 16_000, 1), (transcription.Model, transcription.Wav.SampleRate, transcription.Wav.Channels));
        Assert.Equal(("json", "en"), (transcription.ResponseFormat, transcription.Language));
        // From just before the speech to the end of the pause that ended it, not the whole stream.
        Assert.InRange(transcription.Wav.Duration, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3.6));

        var chat = _host.Log.ChatRequests[^1];
        Assert.Equal("gpt-4o-mini", chat.Model);
        Assert.Equal(150, chat.MaxTokens);
        Assert.Equal(0.5, chat.Temperature!.Value, 3);
        Assert.Equal(InterviewTools.Definitions.Select(t => t.Name), chat.ToolNames);
        Assert.Equal(("system", PipelineTestHost.Instructions), (chat.Messages[0].Role, chat.Messages[0].Content));
        // The whole conversation so far: greeting call and result, the greeting, the answer, its store_answer, the fetch.
        Assert.Equal(["system", "assistant", "tool", "assistant", "user", "assistant", "tool", "assistant", "tool"], chat.Messages.Select(m => m.Role));
        Assert.Equal(Greeting, chat.Messages[3].Content);
        Assert.Equal(expectedTranscript, chat.Messages[4].Content);
    }

    [Fact]
    public async Task A_short_answer_gets_one_follow_up_before_the_next_question()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await CandidateSpeech.SendAsync(session, CandidateSpeech.Answer(TimeSpan.FromSeconds(1)), driver.Token);
        var followUp = await driver.ReadResponseAsync();
        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(1)), followUp.CandidateTranscript);
        Assert.Equal([InterviewTools.StoreAnswer], followUp.ToolCalls.Select(c => c.Name));
        Assert.Equal(InterviewerModel.FollowUp, followUp.Done.Text);

        await CandidateSpeech.SendAsync(session, CandidateSpeech.Answer(TimeSpan.FromSeconds(1)), driver.Token);
        var next = await driver.ReadResponseAsync();
        Assert.Equal([InterviewTools.StoreAnswer, InterviewTools.FetchNextQuestion], next.ToolCalls.Select(c => c.Name));
        Assert.Equal(SecondQuestion, next.Done.Text);
        Assert.Equal(["q1", "q1"], driver.StoredAnswers.Select(a => a.QuestionId));
    }

    [Fact]
    public async Task A_typed_answer_skips_speech_to_text()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        const string Typed = "I split a monolith into three services and kept one shared database during the move.";
        await session.SendTextAsync("  " + Typed + " ", driver.Token);
        var reply = await driver.ReadResponseAsync();

        Assert.Equal(Typed, reply.CandidateTranscript);
        Assert.Equal(Typed, Assert.Single(driver.StoredAnswers).Transcript);
        Assert.Equal(SecondQuestion, reply.Done.Text);
        Assert.Empty(_host.Log.TranscriptionRequests);
        Assert.Contains(_host.Log.ChatRequests[^1].Messages, m => m is { Role: "user", Content: Typed });
    }

    [Fact]
    public async Task Push_to_talk_sends_everything_since_the_last_turn_when_committed_and_not_at_pauses()
    {
        await using var session = await _host.ConnectAsync(turnDetection: new TurnDetectionSettings(TurnDetectionMode.PushToTalk));
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        // Two phrases with a pause that would end a turn under VAD, then a commit (`send_for_AI_processing`).
        var audio = CandidateSpeech.Concat(
            CandidateSpeech.Tone(TimeSpan.FromSeconds(1.5)), CandidateSpeech.Silence(TimeSpan.FromSeconds(1.2)),
            CandidateSpeech.Tone(TimeSpan.FromSeconds(1.5)), CandidateSpeech.Silence(TimeSpan.FromSeconds(0.2)));
        await CandidateSpeech.SendAsync(session, audio, driver.Token);
        await session.CommitTurnAsync(driver.Token);
        var reply = await driver.ReadResponseAsync();

        var transcription = Assert.Single(_host.Log.TranscriptionRequests);
        Assert.Equal(TimeSpan.FromSeconds(4.4), transcription.Wav.Duration);
        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(3)), reply.CandidateTranscript);
        Assert.Equal(SecondQuestion, reply.Done.Text);
    }

    [Fact]
    public async Task A_commit_ends_a_turn_the_pause_has_not_ended_yet()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await CandidateSpeech.SendAsync(session, CandidateSpeech.Tone(TimeSpan.FromSeconds(2.5)), driver.Token);
        await session.CommitTurnAsync(driver.Token);
        var reply = await driver.ReadResponseAsync();

        Assert.Equal([typeof(SpeechStarted), typeof(SpeechStopped), typeof(ResponseStarted)], reply.Events.Take(3).Select(e => e.GetType()));
        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(2.5)), reply.CandidateTranscript);
    }

    [Fact]
    public async Task A_commit_after_the_pause_already_ended_the_turn_asks_nothing_more()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();
        await CandidateSpeech.SendAsync(session, CandidateSpeech.Answer(TimeSpan.FromSeconds(2.5)), driver.Token);
        await driver.ReadResponseAsync();

        // The original client sends `send_for_AI_processing` after a second of silence, when VAD has already ended the turn.
        await CandidateSpeech.SendAsync(session, CandidateSpeech.Silence(TimeSpan.FromSeconds(1)), driver.Token);
        await session.CommitTurnAsync(driver.Token);
        await session.SendTextAsync("I also wrote the runbook for it.", driver.Token);
        var next = await driver.ReadResponseAsync();

        Assert.IsType<ResponseStarted>(next.Events[0]);
        Assert.Equal("I also wrote the runbook for it.", Assert.IsType<InputTranscriptDelta>(next.Events[1]).Text);
        Assert.Single(_host.Log.TranscriptionRequests);
    }

    [Fact]
    public async Task The_closing_answer_is_met_with_goodbye_spoken_before_end_interview_is_called()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();
        await session.SendTextAsync("I designed a ledger that kept every write idempotent and ordered per account.", driver.Token);
        await driver.ReadResponseAsync();
        await session.SendTextAsync("I start from the timeline of alerts, then compare the last deploy with the metrics.", driver.Token);
        var closing = await driver.ReadResponseAsync();
        Assert.EndsWith(InterviewerModel.ClosingQuestion, closing.Done.Text);

        await session.SendTextAsync("No, thank you.", driver.Token);
        var goodbye = await driver.ReadResponseAsync();

        Assert.Equal("Thank you for your time, Ada Lovelace. This concludes our interview. Goodbye.", goodbye.Done.Text);
        var order = goodbye.Events.Select(e => e.GetType()).ToList();
        Assert.True(order.LastIndexOf(typeof(AudioDelta)) < order.IndexOf(typeof(ToolCall)), "goodbye is spoken before the interview is ended");
        Assert.Equal(InterviewTools.EndInterview, Assert.Single(goodbye.ToolCalls).Name);
        Assert.False(goodbye.Done.Cancelled);
    }

    [Fact]
    public async Task Cancelling_mid_speech_stops_the_audio_and_the_conversation_carries_on()
    {
        await using var session = await _host.ConnectAsync();
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);
        await session.CreateResponseAsync(driver.Token);

        await driver.ReadUntilAsync(e => e is AudioDelta);
        await session.CancelResponseAsync(TimeSpan.FromMilliseconds(100), driver.Token);
        var rest = await driver.ReadUntilAsync(e => e is ResponseDone);

        Assert.DoesNotContain(rest, e => e is AudioDelta);
        var done = (ResponseDone)rest[^1];
        Assert.True(done.Cancelled);
        Assert.Equal(Greeting, done.Text);

        // The interrupted greeting stays in the history and the next turn is answered normally.
        await session.SendTextAsync("Sorry, I spoke over you. I designed a payments ledger with strict ordering.", driver.Token);
        var reply = await driver.ReadResponseAsync();
        Assert.False(reply.Done.Cancelled);
        Assert.Equal(SecondQuestion, reply.Done.Text);
        Assert.True(reply.AudioBytes > 0);
    }

    [Fact]
    public async Task A_reconnected_session_is_seeded_with_the_conversation_so_far()
    {
        IReadOnlyList<HistoryTurn> history =
        [
            new("interviewer", Greeting),
            new("candidate", "I designed an event-sourced ledger for a bank."),
        ];
        await using var session = await _host.ConnectAsync(history: history);
        await using var driver = new PipelineInterviewDriver(session, PipelineTestHost.Questions);

        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        var chat = _host.Log.ChatRequests[0];
        Assert.Equal(
            [("system", PipelineTestHost.Instructions), ("assistant", Greeting), ("user", "I designed an event-sourced ledger for a bank.")],
            chat.Messages.Select(m => (m.Role, m.Content!)));
    }
}
