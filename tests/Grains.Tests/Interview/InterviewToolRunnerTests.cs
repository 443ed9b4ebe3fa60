using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Providers;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

public sealed class InterviewToolRunnerTests
{
    private static readonly InterviewState TwoQuestions = new()
    {
        Definition = new InterviewDefinition { CandidateName = "Ada", JobTitle = "Engineer" },
        Status = InterviewStatus.InProgress,
        Questions = ["First?", "Second?"],
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static InterviewState WithCandidateTurn(InterviewState state, int questionIndex) =>
        state with { Transcript = [.. state.Transcript, new TranscriptTurn(state.LastSequence + 1, Speakers.Candidate, "answer", 0, 1, questionIndex)] };

    [Fact]
    public void Fetch_walks_the_questions_then_says_done()
    {
        var first = InterviewToolRunner.Run(TwoQuestions, InterviewTools.FetchNextQuestion, "{}");
        var result = Json(first.ResultJson);
        Assert.False(result.GetProperty("done").GetBoolean());
        Assert.Equal("q1", result.GetProperty("question_id").GetString());
        Assert.Equal(0, result.GetProperty("index").GetInt32());
        Assert.Equal(2, result.GetProperty("total").GetInt32());
        Assert.Equal("First?", result.GetProperty("text").GetString());
        Assert.Equal(0, first.AdvancedToQuestion);
        Assert.Equal(0, first.State.CurrentQuestionIndex);

        var second = InterviewToolRunner.Run(WithCandidateTurn(first.State, 0), InterviewTools.FetchNextQuestion, "{}");
        Assert.Equal("q2", Json(second.ResultJson).GetProperty("question_id").GetString());
        Assert.Equal(1, second.State.CurrentQuestionIndex);

        var done = InterviewToolRunner.Run(WithCandidateTurn(second.State, 1), InterviewTools.FetchNextQuestion, "{}");
        Assert.Equal("""{"done":true,"total":2}""", done.ResultJson);
        Assert.Null(done.AdvancedToQuestion);
        Assert.True(done.State.AllQuestionsAsked);
        Assert.Equal(1, done.State.CurrentQuestionIndex);
    }

    [Fact]
    public void Fetch_repeats_the_current_question_until_it_is_answered()
    {
        var first = InterviewToolRunner.Run(TwoQuestions, InterviewTools.FetchNextQuestion, "{}").State;

        var again = InterviewToolRunner.Run(first, InterviewTools.FetchNextQuestion, "{}");

        Assert.Equal("q1", Json(again.ResultJson).GetProperty("question_id").GetString());
        Assert.Null(again.AdvancedToQuestion);
        Assert.Equal(0, again.State.CurrentQuestionIndex);

        var stored = InterviewToolRunner.Run(first, InterviewTools.StoreAnswer,
            """{"question_id":"q1","transcript":"typed","score":null,"tags":[]}""").State;
        Assert.Equal("q2", Json(InterviewToolRunner.Run(stored, InterviewTools.FetchNextQuestion, "{}").ResultJson).GetProperty("question_id").GetString());
    }

    [Fact]
    public void Store_answer_and_feedback_are_kept_per_question_latest_wins()
    {
        var state = InterviewToolRunner.Run(TwoQuestions, InterviewTools.StoreAnswer,
            """{"question_id":"q1","transcript":"first try","score":4,"tags":["sql"]}""").State;
        var answered = InterviewToolRunner.Run(state, InterviewTools.StoreAnswer,
            """{"question_id":"q1","transcript":"better","score":8.5,"tags":["sql"," indexes ",""]}""");
        var withFeedback = InterviewToolRunner.Run(answered.State, InterviewTools.StoreFeedback,
            """{"question_id":"q1","bullets":["Clear","Concrete example"]}""");

        Assert.Equal(InterviewTools.OkResult, answered.ResultJson);
        Assert.Equal(InterviewTools.OkResult, withFeedback.ResultJson);
        var answer = Assert.Single(withFeedback.State.Answers);
        Assert.Equal("better", answer.Transcript);
        Assert.Equal(8.5, answer.Score);
        Assert.Equal(["sql", "indexes"], answer.Tags);
        Assert.Equal(["Clear", "Concrete example"], Assert.Single(withFeedback.State.Feedback).Bullets);
    }

    [Theory]
    [InlineData(InterviewTools.StoreAnswer, """{"question_id":"q3","transcript":"x","score":null,"tags":[]}""")]
    [InlineData(InterviewTools.StoreAnswer, """{"question_id":"q1","transcript":"x","score":11,"tags":[]}""")]
    [InlineData(InterviewTools.StoreAnswer, """{"question_id":"q1","score":null,"tags":[]}""")]
    [InlineData(InterviewTools.StoreAnswer, "not json")]
    [InlineData(InterviewTools.StoreFeedback, """{"question_id":"x1","bullets":["a"]}""")]
    [InlineData(InterviewTools.EndInterview, "[1,2]")]
    [InlineData("delete_everything", "{}")]
    public void Bad_calls_get_an_error_result_and_change_nothing(string tool, string arguments)
    {
        var outcome = InterviewToolRunner.Run(TwoQuestions, tool, arguments);

        var result = Json(outcome.ResultJson);
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("error").GetString()));
        Assert.Same(TwoQuestions, outcome.State);
    }

    [Fact]
    public void End_interview_marks_the_interview_closing()
    {
        var outcome = InterviewToolRunner.Run(TwoQuestions, InterviewTools.EndInterview, """{"reason":"completed"}""");

        Assert.Equal(InterviewTools.OkResult, outcome.ResultJson);
        Assert.True(outcome.State.Closing);
    }
}
