namespace SyncHire.Grains.Interfaces;

/// <summary>
/// The evaluation of a finished interview, as GET /api/interviews/{id}/report and the interview.completed webhook
/// return it (the shape of the product documents, plus the improvements for the candidate).
/// </summary>
/// <param name="Recommendation">"Strong Hire", "Hire", "Maybe" or "No Hire".</param>
/// <param name="OverallScore">0 to 100.</param>
/// <param name="GeneratedBy">The model that wrote the report, or "offline".</param>
/// <param name="Fallback">The configured model failed and the offline evaluator wrote this report instead.</param>
[GenerateSerializer, Alias("synchire.InterviewReportSnapshot")]
public sealed record InterviewReportSnapshot(
    string OverallImpression,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Concerns,
    ReportScore TechnicalDepth,
    ReportScore Communication,
    string Recommendation,
    int OverallScore,
    IReadOnlyList<string> Improvements,
    string GeneratedBy,
    DateTimeOffset GeneratedAt,
    bool Fallback);

/// <param name="Score">1 to 10.</param>
[GenerateSerializer, Alias("synchire.ReportScore")]
public sealed record ReportScore(int Score, string Justification);

/// <summary>Where an interview's report stands.</summary>
[GenerateSerializer, Alias("synchire.ReportStatus")]
public enum ReportStatus
{
    /// <summary>The interview has not ended yet.</summary>
    NotFinished,
    /// <summary>Ended; the report is being written.</summary>
    Pending,
    /// <summary>The report is stored.</summary>
    Ready,
    /// <summary>Ended before there was anything to evaluate (never started, or nothing answered).</summary>
    NotAvailable,
}

/// <summary>The answer to <see cref="IInterviewGrain.GetReport"/>: the status, and the report once it is ready.</summary>
[GenerateSerializer, Alias("synchire.InterviewReportResult")]
public sealed record InterviewReportResult(ReportStatus Status, InterviewReportSnapshot? Report);
