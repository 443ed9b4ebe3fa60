using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHire.Providers;

/// <summary>
/// The tools every interviewer model calls so that the grain, not the model, owns question progress and answers.
/// Names, JSON schemas (as sent to providers) and the argument/result shapes live here, shared by the grain that
/// implements them and by the providers that call them.
/// </summary>
public static class InterviewTools
{
    public const string FetchNextQuestion = "fetch_next_question";
    public const string StoreAnswer = "store_answer";
    public const string StoreFeedback = "store_feedback";
    public const string EndInterview = "end_interview";

    /// <summary>The result of store_answer, store_feedback and end_interview.</summary>
    public const string OkResult = """{"ok":true}""";

    /// <summary>snake_case on the wire, as the schemas below declare.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<ToolDefinition> Definitions { get; } =
    [
        new(FetchNextQuestion,
            "Get the next interview question to ask. Call it before asking any question, and ask exactly the text it returns. " +
            "When it returns done=true, all questions have been asked: ask whether the candidate has questions for you.",
            """
            {"type":"object","properties":{
              "role":{"type":"string","description":"The role or skill being interviewed for."},
              "difficulty":{"type":"string","description":"The candidate's level, e.g. junior, mid, senior."},
              "topic":{"type":["string","null"],"description":"Optional focus topic for the next question."}
            },"required":["role","difficulty","topic"],"additionalProperties":false}
            """),
        new(StoreAnswer,
            "Record the candidate's answer to the current question once they have finished answering it.",
            """
            {"type":"object","properties":{
              "question_id":{"type":"string","description":"The question_id returned by fetch_next_question."},
              "transcript":{"type":"string","description":"The candidate's answer, as said."},
              "score":{"type":["number","null"],"minimum":1,"maximum":10,"description":"Your 1-10 rating of the answer, or null."},
              "tags":{"type":"array","items":{"type":"string"},"description":"Short labels, e.g. skills shown."}
            },"required":["question_id","transcript","score","tags"],"additionalProperties":false}
            """),
        new(StoreFeedback,
            "Record short feedback bullets about the candidate's answer to a question.",
            """
            {"type":"object","properties":{
              "question_id":{"type":"string"},
              "bullets":{"type":"array","items":{"type":"string"}}
            },"required":["question_id","bullets"],"additionalProperties":false}
            """),
        new(EndInterview,
            "End the interview after saying goodbye.",
            """
            {"type":"object","properties":{
              "reason":{"type":"string","description":"Why it ended, e.g. completed or candidate_left."}
            },"required":["reason"],"additionalProperties":false}
            """),
    ];
}

/// <summary>Arguments of <see cref="InterviewTools.FetchNextQuestion"/>.</summary>
public sealed record FetchNextQuestionArguments(
    string Role,
    string Difficulty,
    // The schema requires the key even when there is no topic, so null is written out, not omitted.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Topic);

/// <summary>
/// Result of <see cref="InterviewTools.FetchNextQuestion"/>: <c>{"done":false,"question_id":"q1","index":0,"total":3,"text":"..."}</c>
/// or, after the last question, <c>{"done":true,"total":3}</c>.
/// </summary>
public sealed record NextQuestionResult(bool Done, int Total, string? QuestionId = null, int? Index = null, string? Text = null);

/// <summary>Arguments of <see cref="InterviewTools.StoreAnswer"/>; <paramref name="Score"/> 1-10 or null.</summary>
public sealed record StoreAnswerArguments(
    string QuestionId,
    string Transcript,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Score,
    IReadOnlyList<string> Tags);

/// <summary>Arguments of <see cref="InterviewTools.StoreFeedback"/>.</summary>
public sealed record StoreFeedbackArguments(string QuestionId, IReadOnlyList<string> Bullets);

/// <summary>Arguments of <see cref="InterviewTools.EndInterview"/>.</summary>
public sealed record EndInterviewArguments(string Reason);
