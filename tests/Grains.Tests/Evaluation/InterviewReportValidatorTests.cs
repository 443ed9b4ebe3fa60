using System.Text.Json.Nodes;
using SyncHire.Grains.Evaluation;
using Xunit;

namespace SyncHire.Grains.Tests.Evaluation;

public sealed class InterviewReportValidatorTests
{
    public const string ValidJson = """
        {
          "overallImpression": "Ada explained her API work clearly and backed it with concrete numbers.",
          "strengths": ["Concrete examples from production work", "Clear reasoning about trade-offs", "Good testing habits"],
          "concerns": ["Little depth on database indexing", "Vague about monitoring"],
          "technicalDepth": { "score": 7, "justification": "Solid on API design; shallow on indexing." },
          "communication": { "score": 8, "justification": "Structured, concise answers." },
          "recommendation": "Hire",
          "overallScore": 75,
          "improvements": ["Practise explaining how an index speeds up a query.", "Prepare an example of production monitoring."]
        }
        """;

    private static readonly DateTimeOffset At = FixedTimeProvider.Instant;

    [Fact]
    public void A_valid_answer_becomes_the_report_with_its_metadata()
    {
        Assert.True(InterviewReportValidator.TryParse(ValidJson, "gpt-4o-mini", At, out var report, out var problem), problem);

        Assert.StartsWith("Ada explained", report.OverallImpression);
        Assert.Equal(3, report.Strengths.Count);
        Assert.Equal(["Little depth on database indexing", "Vague about monitoring"], report.Concerns);
        Assert.Equal(new ScoredAssessment(7, "Solid on API design; shallow on indexing."), report.TechnicalDepth);
        Assert.Equal(8, report.Communication.Score);
        Assert.Equal(Recommendations.Hire, report.Recommendation);
        Assert.Equal(75, report.OverallScore);
        Assert.Equal(2, report.Improvements.Count);
        Assert.Equal("gpt-4o-mini", report.GeneratedBy);
        Assert.Equal(At, report.GeneratedAt);
    }

    [Fact]
    public void The_recommendation_is_stored_in_its_canonical_spelling()
    {
        var json = With(r => r["recommendation"] = "strong hire", r => r["overallScore"] = 80);

        Assert.True(InterviewReportValidator.TryParse(json, "m", At, out var report, out var problem), problem);
        Assert.Equal(Recommendations.StrongHire, report.Recommendation);
    }

    [Theory]
    [InlineData("", "the answer was empty")]
    [InlineData("{\"overallImpression\": \"cut off", "not valid JSON")]
    [InlineData("```json\n{}\n```", "not valid JSON")]
    [InlineData("[1, 2]", "not an object")]
    public void Malformed_answers_are_rejected(string content, string expected)
    {
        Assert.False(InterviewReportValidator.TryParse(content, "m", At, out var report, out var problem));
        Assert.Null(report);
        Assert.Contains(expected, problem);
    }

    public static TheoryData<string, string> SchemaViolations() => new()
    {
        { With(r => r.Remove("communication")), "communication is missing" },
        { With(r => r["verdict"] = "great"), "unexpected property \"verdict\"" },
        { With(r => r["technicalDepth"]!["score"] = 0), "technicalDepth.score 0 is outside 1-10" },
        { With(r => r["communication"]!["score"] = 11), "communication.score 11 is outside 1-10" },
        { With(r => r["technicalDepth"]!["score"] = 7.5), "technicalDepth.score must be a whole number" },
        { With(r => r["technicalDepth"]!["score"] = "7"), "technicalDepth.score must be a JSON Number" },
        { With(r => r["technicalDepth"]!["confidence"] = 1), "unexpected property \"technicalDepth.confidence\"" },
        { With(r => r["overallScore"] = 101), "overallScore 101 is outside 0-100" },
        { With(r => r["recommendation"] = "Definitely"), "recommendation \"Definitely\" is not one of" },
        { With(r => r["strengths"] = new JsonArray()), "strengths has 0 items" },
        { With(r => r["improvements"] = new JsonArray("ok", "")), "improvements[1] is not a non-empty string" },
        { With(r => r["concerns"] = new JsonArray(new string('x', 501))), "concerns[0] is longer than 500 characters" },
        { With(r => r["overallImpression"] = "   "), "overallImpression must be 1-2000 characters" },
    };

    [Theory]
    [MemberData(nameof(SchemaViolations))]
    public void Answers_that_break_the_schema_are_rejected_naming_the_field(string content, string expected)
    {
        Assert.False(InterviewReportValidator.TryParse(content, "m", At, out _, out var problem));
        Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData("No Hire", 95, 9, 10)]
    [InlineData("Strong Hire", 20, 2, 2)]
    [InlineData("Hire", 40, 4, 4)]
    [InlineData("Maybe", 90, 9, 9)]
    public void A_score_that_contradicts_the_recommendation_is_rejected(string recommendation, int overall, int depth, int communication)
    {
        var json = With(
            r => r["recommendation"] = recommendation,
            r => r["overallScore"] = overall,
            r => r["technicalDepth"]!["score"] = depth,
            r => r["communication"]!["score"] = communication);

        Assert.False(InterviewReportValidator.TryParse(json, "m", At, out _, out var problem));
        Assert.Contains($"contradicts recommendation \"{recommendation}\"", problem);
    }

    [Fact]
    public void An_overall_score_far_from_its_parts_is_rejected()
    {
        var json = With(r => r["overallScore"] = 95, r => r["technicalDepth"]!["score"] = 3, r => r["communication"]!["score"] = 3);

        Assert.False(InterviewReportValidator.TryParse(json, "m", At, out _, out var problem));
        Assert.Contains("overallScore 95 is far from the technicalDepth and communication scores (about 30)", problem);
    }

    [Theory]
    [InlineData("No Hire", 55)]
    [InlineData("Hire", 55)]
    [InlineData("Maybe", 60)]
    public void Overlapping_bands_leave_room_for_judgement(string recommendation, int overall)
    {
        var json = With(r => r["recommendation"] = recommendation, r => r["overallScore"] = overall,
            r => r["technicalDepth"]!["score"] = 6, r => r["communication"]!["score"] = 5);

        Assert.True(InterviewReportValidator.TryParse(json, "m", At, out _, out var problem), problem);
    }

    public static string With(params Action<JsonObject>[] changes)
    {
        var report = JsonNode.Parse(ValidJson)!.AsObject();
        foreach (var change in changes)
        {
            change(report);
        }

        return report.ToJsonString();
    }
}
