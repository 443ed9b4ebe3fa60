using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Prompts;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Cv;

/// <summary>A CV attached to an interview reaches the interviewer's prompt, through the real grain.</summary>
public sealed class InterviewCvPromptTests
{
    private const string CvText = "Ada Lovelace. Led the Analytical Engine notes at Babbage & Co; built a Kafka billing pipeline.";

    [Fact]
    public async Task The_provider_session_opens_with_the_attached_cv_in_its_instructions()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (id, grain) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition() with { Provider = ScriptedProvider.ProviderName });

        var attached = await grain.AttachCv(CvText, "/home/ada/My CV.docx");
        Assert.Equal("My CV.docx", attached.CvFileName);
        Assert.Equal(CvText.Length, attached.CvCharacters);

        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        var session = await provider.NextSessionAsync();

        Assert.Contains(CandidateCvSection.StartMarker, session.Options.Instructions);
        Assert.Contains($"{CandidateCvSection.LinePrefix}{CvText}", session.Options.Instructions);
        Assert.DoesNotContain("NO CV PROVIDED", session.Options.Instructions);
        Assert.Contains($"1. {InterviewCluster.TwoQuestions[0]}", session.Options.Instructions);

        // Too late: the prompt is already in use.
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.AttachCv("Another CV", "late.pdf"));
        Assert.Equal(CvText.Length, (await grain.GetSnapshot())!.CvCharacters);
    }

    [Fact]
    public async Task Without_a_cv_the_prompt_asks_the_candidate_to_introduce_themselves()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(extraProvider: provider);
        var (id, grain) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition() with { Provider = ScriptedProvider.ProviderName });

        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        var session = await provider.NextSessionAsync();

        Assert.Contains("NO CV PROVIDED", session.Options.Instructions);
        Assert.Equal(0, (await grain.GetSnapshot())!.CvCharacters);
    }

    [Fact]
    public async Task A_replaced_cv_wins_and_empty_text_is_refused()
    {
        await using var cluster = await InterviewCluster.StartAsync();
        var (_, grain) = await InterviewCluster.CreateAsync(cluster);

        await grain.AttachCv("First version of the CV.", "v1.pdf");
        var replaced = await grain.AttachCv("Second version.", "v2.pdf");
        await Assert.ThrowsAsync<ArgumentException>(() => grain.AttachCv("   ", "blank.pdf"));

        Assert.Equal("v2.pdf", replaced.CvFileName);
        Assert.Equal("Second version.".Length, (await grain.GetSnapshot())!.CvCharacters);
    }
}
