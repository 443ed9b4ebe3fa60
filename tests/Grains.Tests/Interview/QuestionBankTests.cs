using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Questions;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

public sealed class QuestionBankTests
{
    [Theory]
    [InlineData(InterviewLevel.Beginner)]
    [InlineData(InterviewLevel.Intermediate)]
    [InlineData(InterviewLevel.Advanced)]
    public void Builds_five_distinct_questions_about_the_topic(InterviewLevel level)
    {
        var questions = QuestionBank.Build("Kubernetes", level);

        Assert.Equal(5, questions.Count);
        Assert.Equal(5, questions.Distinct().Count());
        Assert.All(questions, q => Assert.Contains("Kubernetes", q));
        Assert.All(questions, q => Assert.EndsWith("?", q));
    }

    [Fact]
    public void Same_input_gives_the_same_questions() =>
        Assert.Equal(QuestionBank.Build("SQL", InterviewLevel.Advanced), QuestionBank.Build("SQL", InterviewLevel.Advanced));

    [Fact]
    public void Levels_probe_different_things()
    {
        var beginner = string.Join(" ", QuestionBank.Build("Python", InterviewLevel.Beginner));
        var intermediate = string.Join(" ", QuestionBank.Build("Python", InterviewLevel.Intermediate));
        var advanced = string.Join(" ", QuestionBank.Build("Python", InterviewLevel.Advanced));

        Assert.Contains("fundamentals", beginner);
        Assert.Contains("trade-off", intermediate);
        Assert.Contains("in practice", intermediate);
        Assert.Contains("architecture", advanced);
        Assert.Contains("edge cases", advanced);
        Assert.Contains("optimised", advanced);
        Assert.Empty(QuestionBank.Build("Python", InterviewLevel.Beginner).Intersect(QuestionBank.Build("Python", InterviewLevel.Advanced)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_missing_topic_falls_back_to_software_engineering(string? topic) =>
        Assert.All(QuestionBank.Build(topic, InterviewLevel.Intermediate), q => Assert.Contains("software engineering", q));
}
