namespace SyncHire.Grains.Interfaces.TextMode;

/// <summary>
/// Where a typed (text Q&amp;A) interview stands: <see cref="Current"/> is 1-based ("question 2 of 5"), and stays on
/// the last question once the interview is complete.
/// </summary>
[GenerateSerializer, Alias("synchire.TextProgress")]
public sealed record TextProgress(int Current, int Total)
{
    public string Label => $"question {Current} of {Total}";
}

/// <summary>The question a text interview asks now; <see cref="Question"/> is null once it is complete.</summary>
[GenerateSerializer, Alias("synchire.TextQuestion")]
public sealed record TextQuestion(string? Question, TextProgress Progress, bool Completed);

/// <summary>
/// What a typed answer earned: a 1–10 <see cref="Score"/> with short feedback bullets, then the next question (null
/// when that was the last one and the interview is now complete).
/// </summary>
[GenerateSerializer, Alias("synchire.TextAnswerResult")]
public sealed record TextAnswerResult(int Score, IReadOnlyList<string> Feedback, string? NextQuestion, TextProgress Progress, bool Completed);

/// <summary>The limits of a typed answer.</summary>
public static class TextAnswerLimits
{
    /// <summary>A long typed answer is a few hundred words; this bounds what the transcript and scoring take.</summary>
    public const int MaxLength = 10_000;
}
