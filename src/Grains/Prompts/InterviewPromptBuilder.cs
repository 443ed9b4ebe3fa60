using System.Text;
using SyncHire.Providers;

namespace SyncHire.Grains.Prompts;

/// <summary>
/// The system prompt a realtime interviewer session is opened with, in the order the product documents give it:
/// role and level, interview format, level guidance, the CV (or how to learn about the candidate without one), the
/// questions, follow-ups, the rubric, the spoken style, and the tool protocol through which the grain owns progress.
/// Outside text is flattened to single lines and the CV is fenced, so input can add facts but not instructions.
/// Two sentences are a contract with the emulated model: "The candidate is {name};" and the "1. question" lines.
/// </summary>
public static class InterviewPromptBuilder
{
    public const string ClosingQuestion = "Do you have any questions for me?";

    private const int MaxLineTextLength = 1000;

    public static string Build(InterviewDefinition definition, IReadOnlyList<string> questions, string? cvText, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(questions);

        var name = PromptText.OneLine(definition.CandidateName, InterviewLimits.MaxNameLength);
        var jobTitle = PromptText.OneLine(definition.JobTitle, MaxLineTextLength);
        var topic = PromptText.OneLine(definition.SkillTopic, MaxLineTextLength);
        var role = PromptText.OneLine(definition.Role, MaxLineTextLength);
        var subject = topic.Length > 0 ? topic : role;
        var level = LevelGuidance.NameOf(definition.Level);
        var spokenLanguage = InterviewLanguage.NameOf(language);

        var prompt = new StringBuilder();
        prompt.AppendLine(jobTitle.Length > 0
            ? $"You are a professional interviewer running a live voice interview for the role of {jobTitle}."
            : $"You are a professional interviewer running a live voice interview on {topic}.");
        prompt.AppendLine($"The candidate is {name}; the interview is at the {level} level.");
        prompt.AppendLine($"Speak {spokenLanguage} throughout. If a question below is written in another language, ask it faithfully in {spokenLanguage}.");
        prompt.AppendLine();

        prompt.AppendLine("ROLE AND LEVEL");
        if (jobTitle.Length > 0)
        {
            prompt.AppendLine($"- Position: {jobTitle}.");
        }

        if (topic.Length > 0)
        {
            prompt.AppendLine($"- Topic: {topic}.");
        }

        prompt.AppendLine($"- {LevelGuidance.For(definition.Level)}");
        prompt.AppendLine();

        prompt.AppendLine("INTERVIEW FORMAT");
        prompt.AppendLine($"- Greet {name} by name, introduce yourself as the AI interviewer, and say the interview takes at most {definition.MaxDurationMinutes} minutes.");
        prompt.AppendLine("- Ask one question at a time. Then stop and wait for the complete answer before you say anything else.");
        prompt.AppendLine("- Never ask two questions in one turn, never interrupt, and let the candidate think in silence.");
        prompt.AppendLine($"- After the last question, ask: \"{ClosingQuestion}\" Answer briefly, thank {name}, and say goodbye.");
        prompt.AppendLine();

        CandidateCvSection.Append(prompt, cvText, name, subject);
        prompt.AppendLine();

        AppendQuestions(prompt, questions);
        prompt.AppendLine();

        prompt.AppendLine("FOLLOW-UPS");
        prompt.AppendLine("- Ask a follow-up only when an answer is vague or misses a critical detail, for example \"Can you give me a concrete example?\". At most two per question.");
        prompt.AppendLine("- When an answer is clear and complete, acknowledge it in a few words and move on.");
        prompt.AppendLine();

        prompt.AppendLine("RUBRIC");
        prompt.AppendLine("- Judge every answer on clarity, relevance, depth and accuracy, for the level of this interview.");
        prompt.AppendLine("- Record that judgement with the tools. Do not tell the candidate their scores.");
        prompt.AppendLine();

        prompt.AppendLine("SPEAKING STYLE");
        prompt.AppendLine("- Everything you say is spoken aloud: use short, clear, conversational sentences.");
        prompt.AppendLine("- No lists, bullet points, markdown, code, emoji or headings in what you say.");
        prompt.AppendLine("- No monologues: two or three sentences a turn. Any feedback to the candidate is brief, constructive and under 60 seconds.");
        prompt.AppendLine("- Be professional, warm and encouraging, never judgemental.");
        prompt.AppendLine();

        prompt.AppendLine("TOOLS");
        prompt.AppendLine($"- Before asking each question, call {InterviewTools.FetchNextQuestion} with role \"{role}\" and difficulty \"{level}\", and ask exactly the text it returns.");
        prompt.AppendLine($"- When the candidate has finished an answer, call {InterviewTools.StoreAnswer} with its question_id, the answer, your 1-10 score and a few skill tags, then {InterviewTools.StoreFeedback} with two or three short bullets on clarity, relevance, depth and accuracy.");
        prompt.AppendLine($"- When {InterviewTools.FetchNextQuestion} returns done, ask \"{ClosingQuestion}\"; after your goodbye, call {InterviewTools.EndInterview} with reason \"completed\".");
        prompt.AppendLine();

        prompt.Append($"Begin now by greeting {name}.");
        return prompt.ToString();
    }

    /// <summary>Added to the instructions when the time warning goes out, so the model wraps up in time.</summary>
    public static string WrapUp(string instructions, TimeSpan remaining)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        var minutes = Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes));
        return $"{instructions}\n\nTIME\nTime is nearly up: about {minutes} minute(s) remain. " +
            $"Finish the current question, ask \"{ClosingQuestion}\" and close the interview.";
    }

    private static void AppendQuestions(StringBuilder prompt, IReadOnlyList<string> questions)
    {
        prompt.AppendLine("QUESTIONS");
        if (questions.Count == 0)
        {
            prompt.AppendLine($"{InterviewTools.FetchNextQuestion} supplies the questions, one at a time.");
            return;
        }

        prompt.AppendLine($"The {questions.Count} questions, in order ({InterviewTools.FetchNextQuestion} gives them to you one at a time):");
        for (var i = 0; i < questions.Count; i++)
        {
            prompt.AppendLine($"{i + 1}. {PromptText.OneLine(questions[i], InterviewLimits.MaxQuestionLength)}");
        }
    }
}
