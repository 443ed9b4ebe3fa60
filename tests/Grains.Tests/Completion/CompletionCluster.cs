using Microsoft.Extensions.DependencyInjection;
using SyncHire.Audio.Speech;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Providers.Offline;
using SyncHire.Testing;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Completion;

/// <summary>
/// A real single-silo cluster on a temporary SQLite file, as a host wires it (AddInterviewGrains, platform tables
/// included), optionally with a stand-in for the external evaluation model.
/// </summary>
internal static class CompletionCluster
{
    public const string Tenant = "acme";

    /// <param name="evaluationModel">Replaces the configured evaluator (the model); the offline fallback stays real.</param>
    public static Task<SyncHireTestCluster> StartAsync(IInterviewEvaluator? evaluationModel = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var options = new SyncHireTestClusterOptions
        {
            ConfigureServices = (services, configuration) =>
            {
                services.AddSingleton<ITextToSpeech>(new SyntheticVoice());
                if (evaluationModel is not null)
                {
                    services.AddSingleton(evaluationModel);
                }

                services.AddInterviewGrains(configuration);
                services.AddOfflineInterviewer();
            },
        };
        options.Configuration["Completion:RetryInterval"] = "00:00:01";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.Configuration[key] = value;
        }

        return SyncHireTestCluster.StartAsync(options);
    }

    public static async Task<(string Id, IInterviewGrain Grain)> CreateAsync(SyncHireTestCluster cluster)
    {
        var id = Guid.NewGuid().ToString("N");
        var grain = cluster.GrainFactory.GetGrain<IInterviewGrain>(id);
        await grain.Create(InterviewCluster.Definition() with { TenantId = Tenant });
        return (id, grain);
    }

    /// <summary>
    /// The candidate starts, streams <paramref name="silenceBytes"/> of silent PCM, types one answer, and ends the
    /// interview (candidate_ended): an interview with something to evaluate.
    /// </summary>
    public static async Task AnswerOnceAndEndAsync(SyncHireTestCluster cluster, string id, int silenceBytes = 0)
    {
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await candidate.WaitForAsync("ai_response_complete");
        if (silenceBytes > 0)
        {
            await candidate.SendAudioAsync(new byte[silenceBytes]);
        }

        await candidate.SendJsonAsync("""{"type":"text_answer","text":"I designed a billing pipeline on Kafka with idempotent consumers and replayable events."}""");
        await candidate.WaitForAsync("transcript", e => e.GetProperty("final").GetBoolean() && e.GetProperty("speaker").GetString() == "candidate");
        await candidate.WaitForAsync("ai_response_complete");
        await candidate.SendJsonAsync("""{"type":"end_interview"}""");
        Assert.Equal(EndReasons.CandidateEnded, (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
    }

    public static Task<InterviewReportResult?> ReportReadyAsync(IInterviewGrain grain) =>
        Eventually.Becomes(grain.GetReport, r => r?.Status == ReportStatus.Ready, "the report to be stored");
}
