namespace SyncHire.Providers.Offline;

/// <summary>Everything the offline interviewer says, word for word (tests and the UI depend on these texts).</summary>
internal static class InterviewerLines
{
    public const string FollowUp =
        "Could you tell me a bit more about that? For example, a concrete situation where you applied it.";

    public const string Reconnected = "Sorry about that, we got disconnected. Let's continue.";

    public static string Greeting(InterviewBrief brief, NextQuestionResult first)
    {
        var welcome = $"{Hello(brief.CandidateName)}, welcome to your interview{ForRole(brief.Role)}.";
        if (first.Done)
        {
            // An interview without questions still closes politely.
            return $"{welcome} {ClosingQuestion(brief.CandidateName)}";
        }

        var questions = first.Total == 1 ? "one question" : $"{first.Total} questions, one at a time";
        return $"{welcome} I'll ask you {questions}. Let's begin. {first.Text}";
    }

    public static string Resumed(InterviewBrief brief, NextQuestionResult current) =>
        current.Done ? $"{Reconnected} {ClosingQuestion(brief.CandidateName)}" : $"{Reconnected} {current.Text}";

    public static string NextQuestion(string questionText) => $"Thank you. Next question. {questionText}";

    public static string ClosingQuestion(string candidateName) =>
        $"Thank you{CommaName(candidateName)}. That was my last question. Do you have any questions for me?";

    public static string Goodbye(string candidateName) =>
        $"Thank you for your time{CommaName(candidateName)}. This concludes our interview. Goodbye.";

    private static string Hello(string name) => string.IsNullOrWhiteSpace(name) ? "Hello" : $"Hello {name.Trim()}";

    private static string CommaName(string name) => string.IsNullOrWhiteSpace(name) ? "" : $", {name.Trim()}";

    private static string ForRole(string role) => string.IsNullOrWhiteSpace(role) ? "" : $" for {role.Trim()}";
}
