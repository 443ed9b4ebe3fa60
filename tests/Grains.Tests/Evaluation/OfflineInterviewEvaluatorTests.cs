using System.Text.Json;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Interfaces;
using Xunit;
using static SyncHire.Grains.Tests.Evaluation.InterviewTranscripts;

namespace SyncHire.Grains.Tests.Evaluation;

public sealed class OfflineInterviewEvaluatorTests
{
    private readonly OfflineInterviewEvaluator _evaluator = new(new FixedTimeProvider());

    [Fact]
    public async Task The_same_interview_always_gets_the_same_report()
    {
        var first = await new OfflineInterviewEvaluator(new FixedTimeProvider()).EvaluateAsync(Crafted([80, 40, 0, 120, 15], followUps: [1, 4]), new Usage.InterviewUsageMeter(), default);
        var second = await new OfflineInterviewEvaluator(new FixedTimeProvider()).EvaluateAsync(Crafted([80, 40, 0, 120, 15], followUps: [1, 4]), new Usage.InterviewUsageMeter(), default);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Equal(OfflineInterviewEvaluator.GeneratorName, first.GeneratedBy);
        Assert.Equal(FixedTimeProvider.Instant, first.GeneratedAt);
    }

    [Fact]
    public void A_candidate_who_answers_everything_in_detail_is_a_hire()
    {
        var report = _evaluator.Evaluate(Crafted([120, 110, 130, 115, 125]));

        Assert.Equal(Recommendations.Hire, report.Recommendation);
        Assert.Equal(10, report.TechnicalDepth.Score);
        Assert.InRange(report.Communication.Score, 9, 10);
        Assert.InRange(report.OverallScore, 90, 100);
        Assert.Contains("Answered all 5 questions.", report.Strengths);
        Assert.Contains(report.Strengths, s => s.StartsWith("Gave detailed answers", StringComparison.Ordinal));
        Assert.Empty(report.Concerns);
        Assert.NotEmpty(report.Improvements);
    }

    [Fact]
    public void A_candidate_with_few_brief_answers_and_follow_ups_is_no_hire_with_the_reasons_named()
    {
        var report = _evaluator.Evaluate(Crafted([8, 10], followUps: [0, 1], endReason: EndReasons.CandidateEnded));

        Assert.Equal(Recommendations.NoHire, report.Recommendation);
        Assert.InRange(report.OverallScore, 0, 49);
        Assert.InRange(report.TechnicalDepth.Score, 1, 3);
        Assert.Contains("3 of 5 questions got no substantive answer.", report.Concerns);
        Assert.Contains("The interview ended before every question was answered (candidate ended).", report.Concerns);
        Assert.Contains(report.Concerns, c => c.StartsWith("Answers were brief", StringComparison.Ordinal));
        Assert.Contains("The interviewer had to follow up on 2 of 2 answers for missing detail.", report.Concerns);
        Assert.Contains(report.Improvements, i => i.StartsWith("Try to answer every question", StringComparison.Ordinal));
        Assert.Contains(report.Improvements, i => i.StartsWith("Cover the key details up front", StringComparison.Ordinal));
    }

    [Fact]
    public void Stronger_answers_never_score_lower_than_weaker_ones()
    {
        var weak = _evaluator.Evaluate(Crafted([10, 10, 10, 0, 0], followUps: [0, 1, 2]));
        var middling = _evaluator.Evaluate(Crafted([50, 45, 40, 35, 0], followUps: [1]));
        var strong = _evaluator.Evaluate(Crafted([120, 110, 130, 115, 125]));

        Assert.True(weak.OverallScore < middling.OverallScore, $"{weak.OverallScore} < {middling.OverallScore}");
        Assert.True(middling.OverallScore < strong.OverallScore, $"{middling.OverallScore} < {strong.OverallScore}");
        Assert.Equal(Recommendations.NoHire, weak.Recommendation);
        Assert.Equal(Recommendations.Maybe, middling.Recommendation);
        Assert.Equal(Recommendations.Hire, strong.Recommendation);
    }

    [Fact]
    public void High_scores_without_enough_answered_questions_are_not_a_hire()
    {
        // Three of five answered at great length: the length is there, the coverage is not.
        var report = _evaluator.Evaluate(Crafted([200, 200, 200, 0, 0]));

        Assert.Equal(Recommendations.Maybe, report.Recommendation);
        Assert.Contains("2 of 5 questions got no substantive answer.", report.Concerns);
    }

    [Fact]
    public void An_interview_with_no_answers_scores_zero()
    {
        var report = _evaluator.Evaluate(Crafted([0, 0, 0]));

        Assert.Equal(0, report.OverallScore);
        Assert.Equal(1, report.TechnicalDepth.Score);
        Assert.Equal(1, report.Communication.Score);
        Assert.Equal(Recommendations.NoHire, report.Recommendation);
        Assert.Equal(["Joined the interview."], report.Strengths);
        Assert.Contains("Ada Lovelace did not give a substantive answer to any of the 5 questions.", report.OverallImpression);
    }

    [Fact]
    public void The_impression_says_honestly_that_it_is_an_automatic_offline_assessment()
    {
        var report = _evaluator.Evaluate(Crafted([60, 70, 80, 0, 0], followUps: [2]));

        Assert.StartsWith("This is an automatic offline assessment made from the transcript alone", report.OverallImpression);
        Assert.Contains("does not judge whether the answers were technically correct", report.OverallImpression);
        // 60, 70 and 80 words, plus the four-word reply to the follow-up on the third: (60 + 70 + 84) / 3 = 71.
        Assert.Contains("Ada Lovelace answered 3 of 5 questions with about 71 words per answer, and needed 1 follow-up question.", report.OverallImpression);
        Assert.Contains("the correctness of the answers was not assessed", report.TechnicalDepth.Justification);
    }

    [Fact]
    public void One_word_replies_do_not_count_as_answers()
    {
        var report = _evaluator.Evaluate(Crafted([3, 4, 120, 120, 120]));

        Assert.Contains("2 of 5 questions got no substantive answer.", report.Concerns);
    }

    [Fact]
    public void Offline_reports_never_say_strong_hire_and_always_pass_the_report_validator()
    {
        int[] lengths = [0, 4, 12, 30, 60, 120, 400];
        foreach (var a in lengths)
        foreach (var b in lengths)
        foreach (var answered in new[] { 1, 3, 4, 5 })
        foreach (var followUps in new[] { Array.Empty<int>(), [0], [0, 1, 2, 3] })
        {
            var words = Enumerable.Range(0, answered).Select(i => i % 2 == 0 ? a : b).ToList();
            var report = _evaluator.Evaluate(Crafted(words, followUps.Where(f => f < answered).ToList()));

            Assert.NotEqual(Recommendations.StrongHire, report.Recommendation);
            Assert.Null(InterviewReportValidator.CheckConsistency(report));
            var json = JsonSerializer.Serialize(ModelShaped(report));
            Assert.True(InterviewReportValidator.TryParse(json, "offline", report.GeneratedAt, out _, out var problem), problem);
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Yes.", 1)]
    [InlineData("I don't know -- maybe a B-tree index?", 7)]
    [InlineData("  ...  ", 0)]
    [InlineData("PostgreSQL 15, Redis 7 and Kafka", 6)]
    public void Words_are_runs_of_letters_and_digits(string text, int words) =>
        Assert.Equal(words, OfflineEvaluationFacts.CountWords(text));

    /// <summary>The report as the evaluation model would write it (camelCase, no metadata).</summary>
    private static object ModelShaped(InterviewReport report) => new Dictionary<string, object>
    {
        ["overallImpression"] = report.OverallImpression,
        ["strengths"] = report.Strengths,
        ["concerns"] = report.Concerns,
        ["technicalDepth"] = new { score = report.TechnicalDepth.Score, justification = report.TechnicalDepth.Justification },
        ["communication"] = new { score = report.Communication.Score, justification = report.Communication.Justification },
        ["recommendation"] = report.Recommendation,
        ["overallScore"] = report.OverallScore,
        ["improvements"] = report.Improvements,
    };
}
