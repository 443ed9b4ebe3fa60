using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SyncHire.Emulators.Shared;

/// <summary>
/// The emulated "LLM": a deterministic interviewer that reads the instructions and the conversation and decides
/// the next turn the way a well-prompted model would. With interview tools available it calls
/// fetch_next_question before each question, store_answer after each answer, asks one follow-up when an answer is
/// short, closes with "Do you have any questions for me?", says goodbye and calls end_interview. Without tools it
/// just greets and asks the numbered questions from the instructions.
/// </summary>
public static partial class InterviewerModel
{
    public const string ClosingQuestion = "Do you have any questions for me?";
    public const string FollowUp = "Could you go into a little more detail? A concrete example would help.";
    private const int ShortAnswerWords = 6;

    public static ModelTurn NextTurn(string instructions, IReadOnlyList<ConversationItem> conversation, IReadOnlyCollection<string> tools)
    {
        var name = CandidateName(instructions);
        if (!tools.Contains("fetch_next_question"))
        {
            return WithoutTools(instructions, conversation, name);
        }

        var last = conversation.Count > 0 ? conversation[^1] : null;
        switch (last)
        {
            case null:
                return FetchNext();
            case ConversationItem.FunctionOutput output when CallName(conversation, output.CallId) == "fetch_next_question":
                return AskFetchedQuestion(output.OutputJson, conversation, name);
            case ConversationItem.FunctionOutput output when CallName(conversation, output.CallId) == "store_answer":
                return AnsweredBriefly(conversation) && !FollowedUpOnCurrentQuestion(conversation)
                    ? ModelTurn.Speak(FollowUp)
                    : FetchNext();
            case ConversationItem.FunctionOutput output when CallName(conversation, output.CallId) == "end_interview":
                return new ModelTurn(null, null);
            case ConversationItem.FunctionOutput:
                return FetchNext();
            case ConversationItem.UserMessage user when LastAssistantText(conversation)?.Contains(ClosingQuestion) == true:
                return new ModelTurn(
                    $"Thank you for your time, {name}. This concludes our interview. Goodbye.",
                    new ModelFunctionCall("end_interview", """{"reason":"completed"}"""));
            case ConversationItem.UserMessage user:
                return ModelTurn.Invoke("store_answer", new JsonObject
                {
                    ["question_id"] = CurrentQuestionId(conversation) ?? "unknown",
                    ["transcript"] = user.Text,
                    ["score"] = null,
                    ["tags"] = new JsonArray(),
                }.ToJsonString());
            default:
                // The model already spoke last; a new response without new input repeats nothing harmful.
                return ModelTurn.Speak("Please go ahead whenever you are ready.");
        }
    }

    private static ModelTurn FetchNext() => ModelTurn.Invoke("fetch_next_question", """{"role":"the role","difficulty":"mid","topic":null}""");

    private static ModelTurn AskFetchedQuestion(string outputJson, IReadOnlyList<ConversationItem> conversation, string name)
    {
        using var result = JsonDocument.Parse(outputJson);
        var root = result.RootElement;
        if (root.TryGetProperty("done", out var done) && done.GetBoolean())
        {
            return ModelTurn.Speak($"Thank you, {name}. That was my last question. {ClosingQuestion}");
        }

        var question = root.GetProperty("text").GetString();
        var spokeBefore = conversation.Any(i => i is ConversationItem.AssistantMessage);
        var heardAnswer = conversation.Any(i => i is ConversationItem.UserMessage);
        return ModelTurn.Speak(!spokeBefore
            ? $"Hello {name}, welcome to your interview. Let's begin. {question}"
            : heardAnswer ? $"Thank you. Next question. {question}" : $"Let's continue. {question}");
    }

    private static ModelTurn WithoutTools(string instructions, IReadOnlyList<ConversationItem> conversation, string name)
    {
        var questions = NumberedQuestions().Matches(instructions).Select(m => m.Groups[1].Value.Trim()).ToList();
        var asked = conversation.Count(i => i is ConversationItem.AssistantMessage);
        if (asked == 0)
        {
            return ModelTurn.Speak($"Hello {name}, welcome to your interview. Let's begin. {(questions.Count > 0 ? questions[0] : "Tell me about yourself.")}");
        }

        return asked < questions.Count
            ? ModelTurn.Speak($"Thank you. Next question. {questions[asked]}")
            : asked == questions.Count ? ModelTurn.Speak($"Thank you, {name}. {ClosingQuestion}") : ModelTurn.Speak("Thank you for your time. Goodbye.");
    }

    public static string CandidateName(string instructions)
    {
        var match = CandidatePattern().Match(instructions);
        return match.Success ? match.Groups[1].Value.Trim() : "there";
    }

    private static string? CallName(IReadOnlyList<ConversationItem> conversation, string callId) =>
        conversation.OfType<ConversationItem.FunctionCall>().LastOrDefault(c => c.CallId == callId)?.Name;

    private static string? LastAssistantText(IReadOnlyList<ConversationItem> conversation) =>
        conversation.OfType<ConversationItem.AssistantMessage>().LastOrDefault()?.Text;

    private static string? CurrentQuestionId(IReadOnlyList<ConversationItem> conversation)
    {
        foreach (var output in conversation.OfType<ConversationItem.FunctionOutput>().Reverse())
        {
            if (CallName(conversation, output.CallId) == "fetch_next_question")
            {
                using var result = JsonDocument.Parse(output.OutputJson);
                return result.RootElement.TryGetProperty("question_id", out var id) ? id.GetString() : null;
            }
        }

        return null;
    }

    private static bool AnsweredBriefly(IReadOnlyList<ConversationItem> conversation)
    {
        var answer = conversation.OfType<ConversationItem.UserMessage>().LastOrDefault()?.Text ?? "";
        return answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < ShortAnswerWords;
    }

    /// <summary>True when the model already asked its follow-up since the last question was fetched.</summary>
    private static bool FollowedUpOnCurrentQuestion(IReadOnlyList<ConversationItem> conversation)
    {
        for (var i = conversation.Count - 1; i >= 0; i--)
        {
            switch (conversation[i])
            {
                case ConversationItem.AssistantMessage { Text: FollowUp }:
                    return true;
                case ConversationItem.FunctionCall { Name: "fetch_next_question" }:
                    return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"The candidate is ([^;.\n]+)")]
    private static partial Regex CandidatePattern();

    [GeneratedRegex(@"^\s*\d+\.\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex NumberedQuestions();
}
