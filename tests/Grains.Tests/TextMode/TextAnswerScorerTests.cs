using SyncHire.Grains.TextMode;
using Xunit;

namespace SyncHire.Grains.Tests.TextMode;

public sealed class TextAnswerScorerTests
{
    private const string Question = "How do you test code that talks to a database?";

    [Fact]
    public void A_relevant_detailed_reasoned_answer_scores_higher_than_a_vague_one()
    {
        var detailed = TextAnswerScorer.Score(Question,
            "I test database code against a real database in a container, because mocks hide SQL mistakes. Each test " +
            "runs in a transaction that rolls back, so tests stay independent; for example our 300 repository tests " +
            "finish in 40 seconds. The trade-off is a slower suite than with fakes, which we accept for the confidence.");
        var vague = TextAnswerScorer.Score(Question, "I usually write some tests and check that things work fine.");

        Assert.InRange(detailed.Score, 8, 10);
        Assert.InRange(vague.Score, 1, 4);
        Assert.Contains("database", detailed.Tags);
        Assert.Contains(detailed.Feedback, f => f.StartsWith("Relevant", StringComparison.Ordinal));
        Assert.Contains(vague.Feedback, f => f.Contains("example", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fragment_scores_one_and_is_told_to_answer_in_full_sentences()
    {
        var fragment = TextAnswerScorer.Score(Question, "Mocks.");

        Assert.Equal(1, fragment.Score);
        Assert.Contains(fragment.Feedback, f => f.Contains("too short", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_answer_always_gets_the_same_score_and_feedback()
    {
        const string answer = "I run the tests against a real database and reset it between tests.";
        var first = TextAnswerScorer.Score(Question, answer);
        var second = TextAnswerScorer.Score(Question, answer);

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Feedback, second.Feedback);
        Assert.Equal(first.Tags, second.Tags);
    }
}
