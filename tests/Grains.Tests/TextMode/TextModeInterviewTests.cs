using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Events;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.TextMode;

/// <summary>Text Q&amp;A mode through the real grain on a real cluster: no audio, no provider session.</summary>
public sealed class TextModeInterviewTests
{
    private const string DetailedAnswer =
        "I designed a billing system on Kafka with idempotent consumers, because retries must never charge twice. " +
        "We measured 4,000 events per second in production and chose partition keys per customer, which means " +
        "ordering holds for each account; the trade-off was rebalancing pauses, so we tuned session timeouts.";

    [Fact]
    public async Task A_text_interview_asks_each_question_scores_each_answer_and_completes_after_the_last()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);

        var first = await grain.GetTextQuestion();
        Assert.Equal(InterviewCluster.TwoQuestions[0], first.Question);
        Assert.Equal("question 1 of 2", first.Progress.Label);
        Assert.False(first.Completed);
        var started = (await grain.GetSnapshot())!;
        Assert.Equal(InterviewStatus.InProgress, started.Status);
        Assert.NotNull(started.StartedAt);

        var answered = await grain.SubmitTextAnswer(DetailedAnswer);
        Assert.InRange(answered.Score, 1, 10);
        Assert.NotEmpty(answered.Feedback);
        Assert.Equal(InterviewCluster.TwoQuestions[1], answered.NextQuestion);
        Assert.Equal("question 2 of 2", answered.Progress.Label);
        Assert.False(answered.Completed);
        Assert.Equal(InterviewCluster.TwoQuestions[1], (await grain.GetTextQuestion()).Question);

        var last = await grain.SubmitTextAnswer("I use a real database in a container per test run and roll back each test's transaction.");
        Assert.True(last.Completed);
        Assert.Null(last.NextQuestion);
        Assert.Equal("question 2 of 2", last.Progress.Label);

        var ended = (await grain.GetSnapshot())!;
        Assert.Equal(InterviewStatus.Completed, ended.Status);
        Assert.Equal(EndReasons.Completed, ended.EndReason);
        Assert.Equal(
            [(Speakers.Interviewer, 0), (Speakers.Candidate, 0), (Speakers.Interviewer, 1), (Speakers.Candidate, 1)],
            ended.Transcript.Select(t => (t.Speaker, t.QuestionIndex!.Value)));
        Assert.Equal(DetailedAnswer, ended.Transcript[1].Text);
        Assert.True((await grain.GetTextQuestion()).Completed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.SubmitTextAnswer("One more thing."));
    }

    [Fact]
    public async Task The_first_answer_starts_the_interview_when_no_question_was_asked_for()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);

        var result = await grain.SubmitTextAnswer(DetailedAnswer);

        Assert.Equal("question 2 of 2", result.Progress.Label);
        var snapshot = (await grain.GetSnapshot())!;
        Assert.Equal(InterviewStatus.InProgress, snapshot.Status);
        Assert.Equal(InterviewCluster.TwoQuestions[0], snapshot.Transcript[0].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_answer_is_refused_and_changes_nothing(string answer)
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.SubmitTextAnswer(answer));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.SubmitTextAnswer(new string('a', 10_001)));

        var snapshot = (await grain.GetSnapshot())!;
        Assert.Equal(InterviewStatus.Created, snapshot.Status);
        Assert.Empty(snapshot.Transcript);
    }

    [Fact]
    public async Task An_interview_running_over_audio_refuses_rest_answers()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await candidate.WaitForAsync("question_progress");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.SubmitTextAnswer(DetailedAnswer));
        Assert.Contains("text_answer", refused.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetTextQuestion());
    }

    [Fact]
    public async Task A_candidate_socket_on_a_typed_interview_opens_no_interviewer_and_takes_typed_answers_only()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (id, grain) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition() with { Provider = ScriptedProvider.ProviderName });
        await grain.GetTextQuestion();

        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.WaitForAsync("resumed");
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await candidate.SendAudioAsync(new byte[640]);
        var audioRefused = await candidate.WaitForAsync("error");
        await candidate.SendJsonAsync($$"""{"type":"text_answer","text":"{{new string('a', 10_001)}}"}""");
        var tooLongRefused = await candidate.WaitForAsync("error");
        await candidate.SendJsonAsync($$"""{"type":"text_answer","text":"{{DetailedAnswer}}"}""");
        var progress = await candidate.WaitForAsync("question_progress");

        Assert.Equal("text_mode", audioRefused.GetProperty("code").GetString());
        Assert.Equal("invalid_answer", tooLongRefused.GetProperty("code").GetString());
        Assert.Equal(2, progress.GetProperty("index").GetInt32());
        Assert.Equal(0, provider.ConnectionAttempts);
        var snapshot = (await grain.GetSnapshot())!;
        Assert.Equal([Speakers.Interviewer, Speakers.Candidate, Speakers.Interviewer], snapshot.Transcript.Select(t => t.Speaker));
        Assert.Equal(DetailedAnswer, snapshot.Transcript[1].Text);
    }

    [Fact]
    public async Task A_watch_returns_when_an_answer_moves_the_interview_on_and_reports_the_new_turns()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);
        await grain.GetTextQuestion();
        var seen = new InterviewWatchCursor(1, InterviewStatus.InProgress, 0);

        var watching = grain.WatchChanges(seen, TimeSpan.FromSeconds(20));
        await grain.SubmitTextAnswer(DetailedAnswer);
        var watch = await watching.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        // The watch interleaves with the answer's turn, so it may wake between the answer and the next question;
        // a watcher then follows on from the cursor it got, as the SSE stream does, and misses nothing.
        Assert.NotNull(watch);
        var turns = watch.NewTurns.Select(t => t.Sequence).ToList();
        while (watch!.Cursor.TranscriptSequence < 3)
        {
            watch = await grain.WatchChanges(watch.Cursor, TimeSpan.FromSeconds(20));
            Assert.NotNull(watch);
            turns.AddRange(watch.NewTurns.Select(t => t.Sequence));
        }

        Assert.Equal(1, watch.CurrentQuestionIndex);
        Assert.Equal(InterviewCluster.TwoQuestions[1], watch.CurrentQuestion);
        Assert.Equal([2, 3], turns);
        Assert.Equal(new InterviewWatchCursor(3, InterviewStatus.InProgress, 1), watch.Cursor);
    }

    [Fact]
    public async Task A_watch_with_nothing_new_answers_with_the_same_cursor_when_its_wait_is_over()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);
        var seen = new InterviewWatchCursor(0, InterviewStatus.Created, -1);

        var watch = await grain.WatchChanges(seen, TimeSpan.FromMilliseconds(200));

        Assert.Equal(seen, watch!.Cursor);
        Assert.Empty(watch.NewTurns);
        Assert.Null(await cluster.GrainFactory.GetGrain<IInterviewGrain>("never-created").WatchChanges(seen, TimeSpan.Zero));
    }
}
