using SyncHire.Grains.Interfaces.TextMode;

namespace SyncHire.Gateway.TextMode;

/// <summary>The body of POST /api/interviews/{id}/answers.</summary>
public sealed record TextAnswerRequest(string? Answer);

/// <summary>Progress as the candidate sees it: <see cref="Label"/> is "question 2 of 5".</summary>
public sealed record TextProgressResponse(int Current, int Total, string Label)
{
    public static TextProgressResponse From(TextProgress progress) => new(progress.Current, progress.Total, progress.Label);
}

/// <summary>The question to answer now; <see cref="Question"/> is null once the interview is complete.</summary>
public sealed record TextQuestionResponse(string InterviewId, string? Question, TextProgressResponse Progress, bool Completed);

/// <summary>
/// A typed answer's outcome: its <see cref="Score"/> (1–10) and feedback, then the next question, or null with
/// <see cref="Completed"/> after the last one.
/// </summary>
public sealed record TextAnswerResponse(int Score, IReadOnlyList<string> Feedback, string? NextQuestion, TextProgressResponse Progress, bool Completed);
