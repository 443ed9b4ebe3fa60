using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>The conversation through the adapter: greeting, spoken and typed answers, tools, barge-in, history.</summary>
public sealed class GeminiLiveConversationTests
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(2.9); // 7 words from the emulated recogniser

    [Fact]
    public async Task Greeting_fetches_the_first_question_and_speaks_it_with_transcripts()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);

        await session.CreateResponseAsync(driver.Token);
        var greeting = await driver.ReadResponseAsync();

        Assert.IsType<ResponseStarted>(greeting[0]);
        var call = Assert.Single(greeting.OfType<ToolCall>());
        Assert.Equal(InterviewTools.FetchNextQuestion, call.Name);
        var audio = greeting.OfType<AudioDelta>().Sum(a => a.Pcm16Mono24k.Length);
        Assert.True(audio > 24_000, $"expected over half a second of 24 kHz audio, got {audio} bytes");
        Assert.Equal(0, audio % 2);
        var final = Assert.Single(greeting.OfType<OutputTranscriptDelta>(), d => d.IsFinal);
        Assert.Equal($"Hello Ada Lovelace, welcome to your interview. Let's begin. {GeminiDriver.Questions[0]}", final.Text);
        Assert.Equal(final.Text, string.Concat(greeting.OfType<OutputTranscriptDelta>().Where(d => !d.IsFinal).Select(d => d.Text)));
        Assert.Equal(final.Text, Assert.IsType<ResponseDone>(greeting[^1]).Text);
    }

    [Fact]
    public async Task Spoken_answer_is_transcribed_stored_and_followed_by_the_next_question()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await driver.SpeakAsync(Answer);
        var turn = await driver.ReadResponseAsync();

        var kinds = turn.Select(e => e.GetType().Name).ToList();
        Assert.True(kinds.IndexOf(nameof(SpeechStarted)) < kinds.IndexOf(nameof(SpeechStopped)));
        var heard = Assert.Single(turn.OfType<InputTranscriptDelta>(), d => d.IsFinal);
        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(2.9)), heard.Text);
        Assert.True(kinds.IndexOf(nameof(SpeechStopped)) < kinds.IndexOf(nameof(ResponseStarted)));
        var stored = Assert.Single(driver.StoredAnswers);
        Assert.Equal(("q1", heard.Text), (stored.QuestionId, stored.Transcript));
        Assert.Equal([InterviewTools.StoreAnswer, InterviewTools.FetchNextQuestion], turn.OfType<ToolCall>().Select(c => c.Name));
        Assert.Equal($"Thank you. Next question. {GeminiDriver.Questions[1]}", Assert.IsType<ResponseDone>(turn[^1]).Text);
    }

    [Fact]
    public async Task Typed_answer_is_its_own_transcript_and_is_answered_like_speech()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        const string typed = "I designed an event sourced billing service for a large retailer.";
        await session.SendTextAsync(typed, driver.Token);
        var turn = await driver.ReadResponseAsync();

        Assert.Equal(typed, Assert.IsType<InputTranscriptDelta>(turn[0]).Text);
        Assert.Equal(typed, Assert.Single(driver.StoredAnswers).Transcript);
        Assert.EndsWith(GeminiDriver.Questions[1], Assert.IsType<ResponseDone>(turn[^1]).Text);
    }

    [Fact]
    public async Task Speaking_over_the_interviewer_interrupts_it_and_the_answer_is_still_heard()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        // Hold each server message 50 ms so the next answer is still streaming when the candidate starts talking.
        host.Faults.Arm("gemini", new EmulatorFault(FaultKind.Delay, Delay: TimeSpan.FromMilliseconds(50)));
        await session.SendTextAsync("I designed an event sourced billing service for a large retailer.", driver.Token);
        var started = await driver.ReadUntilAsync(e => e is AudioDelta);
        await driver.SpeakAsync(Answer);
        var interrupted = await driver.ReadUntilAsync(e => e is ResponseDone);

        var done = Assert.IsType<ResponseDone>(interrupted[^1]);
        Assert.True(done.Cancelled);
        Assert.True(interrupted.FindIndex(e => e is SpeechStarted) is >= 0 and var speech && speech < interrupted.Count - 1,
            "the barge-in (SpeechStarted) must come before the cancelled ResponseDone");
        var heardOfAnswer = started.Concat(interrupted).OfType<AudioDelta>().Sum(a => a.Pcm16Mono24k.Length);
        var wholeAnswer = EmulatedSpeech.Synthesize($"Thank you. Next question. {GeminiDriver.Questions[1]}", 24_000).Length;
        Assert.True(heardOfAnswer < wholeAnswer, $"{heardOfAnswer} of {wholeAnswer} bytes arrived: the answer was not cut off");

        var next = await driver.ReadResponseAsync();
        var heard = Assert.Single(next.OfType<InputTranscriptDelta>(), d => d.IsFinal);
        Assert.Equal(heard.Text, driver.StoredAnswers[^1].Transcript);
        Assert.DoesNotContain(driver.Events, e => e is ProviderError);
    }

    [Fact]
    public async Task Push_to_talk_commit_ends_the_turn()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync(turnDetection: new TurnDetectionSettings(TurnDetectionMode.PushToTalk));
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await session.SendAudioAsync(GeminiDriver.Tone(TimeSpan.FromSeconds(2.9)), driver.Token);
        await session.CommitTurnAsync(driver.Token);
        var turn = await driver.ReadResponseAsync();

        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(2.9)), Assert.Single(turn.OfType<InputTranscriptDelta>(), d => d.IsFinal).Text);
        Assert.Single(driver.StoredAnswers);
    }

    [Fact]
    public async Task History_seeds_a_replacement_session_so_the_model_picks_up_where_it_stopped()
    {
        await using var host = await GeminiTestHost.StartAsync();
        const string answer = "I moved our monolith to services one module at a time.";
        await using var session = await host.ConnectAsync(history:
        [
            new HistoryTurn("interviewer", $"Hello Ada Lovelace, welcome to your interview. Let's begin. {GeminiDriver.Questions[0]}"),
            new HistoryTurn("candidate", answer),
        ]);
        await using var driver = new GeminiDriver(session) { AnswerToolCalls = false };

        await session.CreateResponseAsync(driver.Token);
        var call = (ToolCall)(await driver.ReadUntilAsync(e => e is ToolCall))[^1];

        Assert.Equal(InterviewTools.StoreAnswer, call.Name);
        Assert.Contains(answer, call.ArgumentsJson);
    }
}
