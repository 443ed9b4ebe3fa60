using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;

namespace SyncHire.Grains.Interview;

/// <summary>What a tool call did: the new state, the JSON result for the model, and what the candidate should see.</summary>
/// <param name="AdvancedToQuestion">Zero-based index of the question fetch_next_question moved to, if it moved.</param>
/// <param name="FetchedQuestion">The call was fetch_next_question (whether it moved on, repeated, or said done).</param>
public sealed record ToolOutcome(InterviewState State, string ResultJson, int? AdvancedToQuestion = null, bool FetchedQuestion = false);

/// <summary>
/// Executes the interview tools against the interview's state. Pure: it returns the new state and the result and
/// leaves persisting and sending to the grain. Bad arguments from a model get an error result the model can read,
/// never an exception, because a confused model must not break the interview.
/// </summary>
public static class InterviewToolRunner
{
    public static ToolOutcome Run(InterviewState state, string toolName, string argumentsJson) => toolName switch
    {
        InterviewTools.FetchNextQuestion => FetchNextQuestion(state),
        InterviewTools.StoreAnswer => StoreAnswer(state, argumentsJson),
        InterviewTools.StoreFeedback => StoreFeedback(state, argumentsJson),
        InterviewTools.EndInterview => EndInterview(state, argumentsJson),
        _ => Failed(state, $"Unknown tool '{toolName}'. Available: {string.Join(", ", InterviewTools.Definitions.Select(d => d.Name))}."),
    };

    /// <summary>
    /// Moves to the next question, unless the current one has not been answered yet: then it is returned again, so a
    /// session reopened after a disconnect re-asks the question the candidate was on instead of skipping it.
    /// </summary>
    private static ToolOutcome FetchNextQuestion(InterviewState state)
    {
        var total = state.Questions.Count;
        var current = state.CurrentQuestionIndex;
        if (current >= 0 && !IsAnswered(state, current))
        {
            return new ToolOutcome(state, Serialize(QuestionResult(state, current)), FetchedQuestion: true);
        }

        var next = current + 1;
        if (next >= total)
        {
            return new ToolOutcome(state with { AllQuestionsAsked = true }, Serialize(new NextQuestionResult(Done: true, Total: total)),
                FetchedQuestion: true);
        }

        var advanced = state with { CurrentQuestionIndex = next };
        return new ToolOutcome(advanced, Serialize(QuestionResult(advanced, next)), AdvancedToQuestion: next, FetchedQuestion: true);
    }

    private static ToolOutcome StoreAnswer(InterviewState state, string argumentsJson)
    {
        if (!TryRead<StoreAnswerArguments>(argumentsJson, out var arguments, out var error))
        {
            return Failed(state, error);
        }

        if (state.QuestionIndexOf(arguments.QuestionId) is null)
        {
            return Failed(state, UnknownQuestion(state, arguments.QuestionId));
        }

        if (arguments.Transcript is null)
        {
            return Failed(state, "store_answer needs \"transcript\" as a string.");
        }

        if (arguments.Score is { } score && (double.IsNaN(score) || score is < 1 or > 10))
        {
            return Failed(state, "store_answer \"score\" must be between 1 and 10, or null.");
        }

        var answer = new StoredAnswer(arguments.QuestionId, arguments.Transcript, arguments.Score, CleanList(arguments.Tags));
        var answers = state.Answers.Where(a => a.QuestionId != answer.QuestionId).Append(answer).ToList();
        return new ToolOutcome(state with { Answers = answers }, InterviewTools.OkResult);
    }

    private static ToolOutcome StoreFeedback(InterviewState state, string argumentsJson)
    {
        if (!TryRead<StoreFeedbackArguments>(argumentsJson, out var arguments, out var error))
        {
            return Failed(state, error);
        }

        if (state.QuestionIndexOf(arguments.QuestionId) is null)
        {
            return Failed(state, UnknownQuestion(state, arguments.QuestionId));
        }

        var feedback = new StoredFeedback(arguments.QuestionId, CleanList(arguments.Bullets));
        var all = state.Feedback.Where(f => f.QuestionId != feedback.QuestionId).Append(feedback).ToList();
        return new ToolOutcome(state with { Feedback = all }, InterviewTools.OkResult);
    }

    /// <summary>Marks the interview as closing; the grain ends it once the goodbye has been spoken.</summary>
    private static ToolOutcome EndInterview(InterviewState state, string argumentsJson) =>
        TryRead<EndInterviewArguments>(argumentsJson, out _, out var error)
            ? new ToolOutcome(state with { Closing = true }, InterviewTools.OkResult)
            : Failed(state, error);

    /// <summary>Answered: the model stored an answer for it, or the candidate spoke while it was the current question.</summary>
    private static bool IsAnswered(InterviewState state, int index)
    {
        var id = InterviewState.QuestionId(index);
        return state.Answers.Any(a => a.QuestionId == id)
            || state.Transcript.Any(t => t.Speaker == Speakers.Candidate && t.QuestionIndex == index);
    }

    private static NextQuestionResult QuestionResult(InterviewState state, int index) =>
        new(Done: false, Total: state.Questions.Count, QuestionId: InterviewState.QuestionId(index), Index: index, Text: state.Questions[index]);

    private static bool TryRead<T>(string json, out T value, out string error) where T : class
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<T>(json, InterviewTools.JsonOptions);
            if (parsed is not null)
            {
                value = parsed;
                error = "";
                return true;
            }

            error = "The arguments must be a JSON object.";
        }
        catch (JsonException exception)
        {
            error = $"The arguments are not valid: {exception.Message}";
        }

        value = null!;
        return false;
    }

    private static IReadOnlyList<string> CleanList(IReadOnlyList<string>? items) =>
        items is null ? [] : [.. items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim())];

    private static string UnknownQuestion(InterviewState state, string? questionId) =>
        $"Unknown question_id '{questionId}'; use the id fetch_next_question returned (q1..q{state.Questions.Count}).";

    private static ToolOutcome Failed(InterviewState state, string error) =>
        new(state, JsonSerializer.Serialize(new { ok = false, error }, InterviewTools.JsonOptions));

    private static string Serialize(NextQuestionResult result) => JsonSerializer.Serialize(result, InterviewTools.JsonOptions);
}
