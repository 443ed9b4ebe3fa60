namespace SyncHire.Grains.TextMode;

/// <summary>A typed answer's score (1–10), the feedback bullets shown to the candidate, and the question's terms it used.</summary>
public sealed record TextAnswerScore(int Score, IReadOnlyList<string> Feedback, IReadOnlyList<string> Tags);
