using System.Globalization;
using SyncHire.Grains.Prompts;
using SyncHire.Grains.Usage;
using SyncHire.Providers;

namespace SyncHire.Grains.Evaluation;

/// <summary>
/// The evaluator used without a text model, and the fallback when the model fails. It measures the transcript
/// (<see cref="OfflineEvaluationFacts"/>) and turns the measures into scores by fixed formulas and into text by
/// fixed templates, so the same interview always gets the same report. It cannot tell a right answer from a wrong
/// one, says so in the impression and justifications, and for that reason never recommends "Strong Hire".
/// </summary>
public sealed class OfflineInterviewEvaluator(TimeProvider time) : IInterviewEvaluator
{
    public const string GeneratorName = "offline";

    /// <summary>The average answer length (words) that earns full marks for length.</summary>
    public const int FullMarksAnswerWords = 108;

    /// <summary>Below this average, answers are called brief.</summary>
    public const int BriefAnswerWords = 25;

    /// <summary>From this average, answers are called detailed.</summary>
    public const int DetailedAnswerWords = 60;

    public const int HireScore = 70;
    public const int MaybeScore = 50;
    public const double HireCoverage = 0.8;

    /// <param name="usage">Not used: no model, no tokens.</param>
    public Task<InterviewReport> EvaluateAsync(EvaluationInput input, ITokenUsageSink usage, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Evaluate(input));
    }

    public InterviewReport Evaluate(EvaluationInput input)
    {
        var facts = OfflineEvaluationFacts.From(input);
        var depth = TechnicalDepthScore(facts);
        var communication = CommunicationScore(facts);
        var overall = facts.AnsweredCount == 0 ? 0 : (depth + communication) * 5;
        var recommendation = RecommendationFor(overall, facts);
        var name = PromptText.OneLine(input.Definition.CandidateName, InterviewLimits.MaxNameLength);

        return new InterviewReport(
            Impression(name, facts, recommendation),
            Strengths(facts),
            Concerns(facts, input.EndReason),
            new ScoredAssessment(depth, DepthJustification(facts)),
            new ScoredAssessment(communication, CommunicationJustification(facts)),
            recommendation,
            overall,
            Improvements(facts),
            GeneratorName,
            time.GetUtcNow());
    }

    /// <summary>1 plus up to 9 for answer length, scaled by the share of questions answered; frequent follow-ups cost a point.</summary>
    public static int TechnicalDepthScore(OfflineEvaluationFacts facts)
    {
        var length = Math.Min(9.0, facts.AverageAnswerWords * 9.0 / FullMarksAnswerWords);
        var score = 1 + (int)Math.Round(length * facts.Coverage, MidpointRounding.AwayFromZero);
        if (facts.FollowUpRate > 0.5)
        {
            score--;
        }

        return Math.Clamp(score, 1, 10);
    }

    /// <summary>1 plus up to 9 from talk share (full at 60% of the words), answers not needing follow-ups, and coverage.</summary>
    public static int CommunicationScore(OfflineEvaluationFacts facts)
    {
        if (facts.AnsweredCount == 0)
        {
            return 1;
        }

        var talk = Math.Min(1.0, facts.TalkRatio / 0.6);
        var clarity = 1 - Math.Min(1.0, facts.FollowUpRate);
        var score = 1 + (int)Math.Round(9 * (0.4 * talk + 0.3 * clarity + 0.3 * facts.Coverage), MidpointRounding.AwayFromZero);
        return Math.Clamp(score, 1, 10);
    }

    public static string RecommendationFor(int overallScore, OfflineEvaluationFacts facts) =>
        overallScore >= HireScore && facts.Coverage >= HireCoverage ? Recommendations.Hire
        : overallScore >= MaybeScore ? Recommendations.Maybe
        : Recommendations.NoHire;

    private static string Impression(string name, OfflineEvaluationFacts facts, string recommendation)
    {
        var what = facts.AnsweredCount == 0
            ? $"{name} did not give a substantive answer to any of the {facts.QuestionCount} questions."
            : $"{name} answered {facts.AnsweredCount} of {facts.QuestionCount} questions with about {facts.AverageAnswerWords} words per answer" +
              (facts.FollowUpCount == 0 ? ", without needing follow-up questions." : $", and needed {Plural(facts.FollowUpCount, "follow-up question")}.");
        return "This is an automatic offline assessment made from the transcript alone: it measures answer coverage, " +
            "answer length, follow-ups and talk time, and does not judge whether the answers were technically correct. " +
            $"{what} On these measures the recommendation is {recommendation}; a reviewer should read the transcript before deciding.";
    }

    private static List<string> Strengths(OfflineEvaluationFacts facts)
    {
        var strengths = new List<string>();
        if (facts.QuestionCount > 0 && facts.AnsweredCount == facts.QuestionCount)
        {
            strengths.Add($"Answered all {facts.QuestionCount} questions.");
        }
        else if (facts.Coverage >= HireCoverage)
        {
            strengths.Add($"Answered most of the questions ({facts.AnsweredCount} of {facts.QuestionCount}).");
        }

        if (facts.AverageAnswerWords >= DetailedAnswerWords)
        {
            strengths.Add($"Gave detailed answers, about {facts.AverageAnswerWords} words each on average.");
        }

        if (facts.AnsweredCount > 0 && facts.FollowUpCount == 0)
        {
            strengths.Add("Answers were complete enough that the interviewer did not need to follow up.");
        }

        if (facts.AnsweredCount > 0 && facts.TalkRatio >= 0.5)
        {
            strengths.Add("Did most of the talking and engaged fully with the questions.");
        }

        if (strengths.Count == 0)
        {
            strengths.Add(facts.AnsweredCount > 0
                ? $"Engaged with the interview and answered {Plural(facts.AnsweredCount, "question")}."
                : "Joined the interview.");
        }

        return strengths;
    }

    private static List<string> Concerns(OfflineEvaluationFacts facts, string? endReason)
    {
        var concerns = new List<string>();
        if (facts.UnansweredCount > 0)
        {
            concerns.Add($"{facts.UnansweredCount} of {facts.QuestionCount} questions got no substantive answer.");
        }

        if (facts.EndedEarly && endReason is not null)
        {
            concerns.Add($"The interview ended before every question was answered ({endReason.Replace('_', ' ')}).");
        }

        if (facts.AnsweredCount > 0 && facts.AverageAnswerWords < BriefAnswerWords)
        {
            concerns.Add($"Answers were brief, about {facts.AverageAnswerWords} words on average, which leaves little evidence of depth.");
        }

        if (facts.FollowUpRate > 0.5)
        {
            concerns.Add($"The interviewer had to follow up on {facts.QuestionsWithFollowUps} of {facts.AnsweredCount} answers for missing detail.");
        }

        if (facts.AnsweredCount > 0 && facts.TalkRatio < 0.35)
        {
            concerns.Add("The candidate spoke less than the interviewer for most of the interview.");
        }

        return concerns;
    }

    private static List<string> Improvements(OfflineEvaluationFacts facts)
    {
        var improvements = new List<string>();
        if (facts.UnansweredCount > 0)
        {
            improvements.Add("Try to answer every question; if you are unsure, say how you would find out or reason it through aloud.");
        }

        if (facts.AnsweredCount > 0 && facts.AverageAnswerWords < DetailedAnswerWords)
        {
            improvements.Add("Give fuller answers: explain your approach, give a concrete example from your own work, and say what the result was.");
        }

        if (facts.FollowUpCount > 0)
        {
            improvements.Add("Cover the key details up front (what you did, why, and how) so the interviewer does not need to ask again.");
        }

        if (facts.AnsweredCount > 0 && facts.TalkRatio < 0.5)
        {
            improvements.Add("Talk through your reasoning out loud: interviewers assess how you think as well as what you know.");
        }

        if (improvements.Count == 0)
        {
            improvements.Add("Keep structuring answers as situation, action and result, and put numbers on your outcomes where you can.");
        }

        return improvements;
    }

    private static string DepthJustification(OfflineEvaluationFacts facts) =>
        $"Offline estimate from answer coverage ({facts.AnsweredCount} of {facts.QuestionCount}) and answer length " +
        $"(about {facts.AverageAnswerWords} words per answer); the correctness of the answers was not assessed.";

    private static string CommunicationJustification(OfflineEvaluationFacts facts) =>
        $"Offline estimate from the candidate's share of the conversation ({Percent(facts.TalkRatio)} of the words), " +
        $"follow-ups needed ({Plural(facts.FollowUpCount, "follow-up")}) and answer coverage.";

    private static string Percent(double ratio) => ((int)Math.Round(ratio * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
