using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Questions;
using SyncHire.Grains.Tests.Interview.Support;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

public sealed class InterviewCreationTests
{
    [Fact]
    public async Task Create_stores_the_interview_and_builds_questions_from_topic_and_level_when_none_are_given()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IInterviewGrain>("created-" + Guid.NewGuid().ToString("N"));
        Assert.Null(await grain.GetSnapshot());

        var created = await grain.Create(new InterviewDefinition
        {
            CandidateName = "Grace Hopper",
            SkillTopic = "compilers",
            Level = InterviewLevel.Advanced,
            MaxDurationMinutes = 45,
        });

        Assert.Equal(InterviewStatus.Created, created.Status);
        Assert.Equal(QuestionBank.Build("compilers", InterviewLevel.Advanced), created.Questions);
        Assert.Equal(-1, created.CurrentQuestionIndex);
        Assert.Null(created.StartedAt);
        var read = await grain.GetSnapshot();
        Assert.Equal(created.Questions, read!.Questions);
        Assert.Equal("Grace Hopper", read.Definition.CandidateName);
        Assert.Equal(45, read.Definition.MaxDurationMinutes);
    }

    [Fact]
    public async Task Create_twice_is_refused_and_keeps_the_first()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            grain.Create(InterviewCluster.Definition() with { CandidateName = "Someone Else" }));

        Assert.Contains("already exists", refused.Message);
        Assert.Equal("Ada Lovelace", (await grain.GetSnapshot())!.Definition.CandidateName);
    }

    public static TheoryData<string, InterviewDefinition> InvalidDefinitions => new()
    {
        { "CandidateName", InterviewCluster.Definition() with { CandidateName = "  " } },
        { "CandidateName", InterviewCluster.Definition() with { CandidateName = new string('a', 201) } },
        { "JobTitle", InterviewCluster.Definition() with { JobTitle = null, SkillTopic = null } },
        { "MaxDurationMinutes", InterviewCluster.Definition() with { MaxDurationMinutes = 0 } },
        { "MaxDurationMinutes", InterviewCluster.Definition() with { MaxDurationMinutes = 61 } },
        { "Questions[1]", InterviewCluster.Definition(["Fine?", " "]) },
        { "Questions[0]", InterviewCluster.Definition([new string('q', 1001)]) },
        { "Questions", InterviewCluster.Definition([.. Enumerable.Range(1, 31).Select(i => $"Question {i}?")]) },
        { "Level", InterviewCluster.Definition() with { Level = (InterviewLevel)9 } },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task Invalid_definitions_are_refused_naming_the_field_and_nothing_is_stored(string field, InterviewDefinition definition)
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IInterviewGrain>(Guid.NewGuid().ToString("N"));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => grain.Create(definition));

        Assert.Contains(field, refused.Message);
        Assert.Null(await grain.GetSnapshot());
    }
}
