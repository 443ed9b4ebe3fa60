using System.Text;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The plain system prompt a provider session is opened with: who the interviewer is, how to run the interview,
/// and the questions in order. Providers that do not read prompts (the offline one) use the structured brief.
/// </summary>
public static class InterviewInstructions
{
    public const string ClosingQuestion = "Do you have any questions for me?";

    public static string Build(InterviewDefinition definition, IReadOnlyList<string> questions)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine($"You are a professional interviewer running a live voice interview for the role of {definition.Role}.");
        prompt.AppendLine($"The candidate is {definition.CandidateName}; the interview is at the {LevelName(definition.Level)} level.");
        prompt.AppendLine("Greet the candidate by name, then ask one question at a time and wait for the answer before going on.");
        prompt.AppendLine("Before asking each question call fetch_next_question and ask exactly the text it returns.");
        prompt.AppendLine("When the candidate has answered, call store_answer, and store_feedback with a few short bullets.");
        prompt.AppendLine("Keep your turns short and spoken: no lists, no long monologues. Ask a follow-up only when a critical detail is missing.");
        prompt.AppendLine($"When fetch_next_question says done, ask: \"{ClosingQuestion}\" Answer briefly, thank the candidate, say goodbye and call end_interview.");
        prompt.AppendLine();
        prompt.AppendLine("The questions, in order:");
        for (var i = 0; i < questions.Count; i++)
        {
            prompt.AppendLine($"{i + 1}. {questions[i]}");
        }

        return prompt.ToString();
    }

    /// <summary>Added to the instructions when the time warning goes out, so the model wraps up in time.</summary>
    public static string WrapUp(string instructions, TimeSpan remaining) =>
        $"{instructions}\nTime is nearly up: about {Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes))} minute(s) remain. " +
        $"Finish the current question, ask \"{ClosingQuestion}\" and close the interview.";

    public static string LevelName(InterviewLevel level) => level switch
    {
        InterviewLevel.Beginner => "beginner",
        InterviewLevel.Intermediate => "intermediate",
        InterviewLevel.Advanced => "advanced",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown interview level."),
    };
}
