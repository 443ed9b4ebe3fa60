namespace SyncHire.Grains.Evaluation;

/// <summary>
/// The structured evaluation of a finished interview, in the shape of the product documents: what the hiring
/// team reads (impression, strengths, concerns, two scored assessments, a recommendation and a 0-100 score) and
/// what the candidate is told to work on (improvements).
/// </summary>
/// <param name="GeneratedBy">The model that wrote the report, or <see cref="OfflineInterviewEvaluator.GeneratorName"/>.</param>
public sealed record InterviewReport(
    string OverallImpression,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Concerns,
    ScoredAssessment TechnicalDepth,
    ScoredAssessment Communication,
    string Recommendation,
    int OverallScore,
    IReadOnlyList<string> Improvements,
    string GeneratedBy,
    DateTimeOffset GeneratedAt);

/// <param name="Score">1 to 10.</param>
public sealed record ScoredAssessment(int Score, string Justification);

/// <summary>The four recommendations a report may give, spelled as the product documents spell them.</summary>
public static class Recommendations
{
    public const string StrongHire = "Strong Hire";
    public const string Hire = "Hire";
    public const string Maybe = "Maybe";
    public const string NoHire = "No Hire";

    public static IReadOnlyList<string> All { get; } = [StrongHire, Hire, Maybe, NoHire];
}
