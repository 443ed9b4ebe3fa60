using Microsoft.Extensions.DependencyInjection;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.Grains.Usage;
using SyncHire.Providers;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Completion;

/// <summary>What an interview leaves when it ends: index row, usage, and a report that survives the silo.</summary>
public sealed class InterviewCompletionTests
{
    [Fact]
    public async Task A_finished_interview_gets_an_offline_report_that_is_persisted_and_its_index_row_and_usage()
    {
        await using var cluster = await CompletionCluster.StartAsync();
        var (id, grain) = await CompletionCluster.CreateAsync(cluster);
        var index = SyncHireTestCluster.ServicesOf(cluster.Silos[0]).GetRequiredService<IInterviewIndex>();
        Assert.Equal("created", (await index.GetInterviewAsync(CompletionCluster.Tenant, id, default))!.Status);
        Assert.Equal(ReportStatus.NotFinished, (await grain.GetReport())!.Status);

        await CompletionCluster.AnswerOnceAndEndAsync(cluster, id, silenceBytes: 16_000);

        var report = (await CompletionCluster.ReportReadyAsync(grain))!.Report!;
        Assert.Equal(OfflineInterviewEvaluator.GeneratorName, report.GeneratedBy);
        Assert.False(report.Fallback);
        Assert.Contains("Ada Lovelace", report.OverallImpression);
        Assert.InRange(report.OverallScore, 0, 100);
        Assert.Contains(report.Recommendation, Recommendations.All);
        Assert.NotEmpty(report.Improvements);

        var row = await index.GetInterviewAsync(CompletionCluster.Tenant, id, default);
        Assert.Equal("completed", row!.Status);
        Assert.Equal(EndReasons.CandidateEnded, row.EndReason);
        Assert.NotNull(row.StartedAt);
        Assert.NotNull(row.EndedAt);
        Assert.Null(await index.GetInterviewAsync("someone-else", id, default));

        var usage = await SyncHireTestCluster.ServicesOf(cluster.Silos[0]).GetRequiredService<IUsageLedger>()
            .SumUsageAsync(CompletionCluster.Tenant, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), default);
        Assert.Equal(0.5, usage.Single(u => u.Kind == UsageKinds.AudioInSeconds).Amount, precision: 6); // 16,000 bytes at 16 kHz.
        Assert.True(usage.Single(u => u.Kind == UsageKinds.AudioOutSeconds).Amount > 1, "the interviewer's spoken greeting and reply");

        // From the database: a fresh silo reactivates the interview with the same report, and does not evaluate again.
        await cluster.StopSiloAsync(cluster.Silos[0]);
        await cluster.AddSiloAsync();
        var reread = await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetReport();
        Assert.Equal(ReportStatus.Ready, reread!.Status);
        Assert.Equivalent(report, reread.Report, strict: true); // GeneratedAt included: not evaluated again.
        GC.KeepAlive(grain);
    }

    [Fact]
    public async Task When_the_evaluation_model_fails_the_offline_report_is_stored_marked_as_a_fallback()
    {
        var model = new ScriptedEvaluationModel(ScriptedEvaluationModel.Fails);
        await using var cluster = await CompletionCluster.StartAsync(model);
        var (id, grain) = await CompletionCluster.CreateAsync(cluster);

        await CompletionCluster.AnswerOnceAndEndAsync(cluster, id);

        var report = (await CompletionCluster.ReportReadyAsync(grain))!.Report!;
        Assert.True(report.Fallback);
        Assert.Equal(OfflineInterviewEvaluator.GeneratorName, report.GeneratedBy);
        var input = Assert.Single(model.Inputs);
        Assert.Equal(EndReasons.CandidateEnded, input.EndReason);
        Assert.Contains(input.Transcript, t => t.Speaker == Speakers.Candidate && t.Text.Contains("billing pipeline"));
        Assert.True(input.Duration > TimeSpan.Zero);
        Assert.Equal(InterviewCluster.TwoQuestions, input.Questions);
    }

    [Fact]
    public async Task The_evaluation_models_tokens_are_recorded_in_the_interviews_usage_even_when_it_gives_no_report()
    {
        // The model answered (and billed) but the answer was unusable: the report falls back, the tokens still count.
        var model = new ScriptedEvaluationModel(ScriptedEvaluationModel.Fails) { TokensPerCall = new TokenUsage(1_200, 300, Cached: 256) };
        await using var cluster = await CompletionCluster.StartAsync(model);
        var (id, grain) = await CompletionCluster.CreateAsync(cluster);

        await CompletionCluster.AnswerOnceAndEndAsync(cluster, id);

        Assert.True((await CompletionCluster.ReportReadyAsync(grain))!.Report!.Fallback);
        var ledger = SyncHireTestCluster.ServicesOf(cluster.Silos[0]).GetRequiredService<IUsageLedger>();
        var usage = await Eventually.Becomes(
            () => ledger.SumUsageAsync(CompletionCluster.Tenant, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), default),
            totals => totals.Any(t => t.Kind == UsageKinds.InputTokens), "the evaluation's tokens in the ledger");
        // The offline interviewer is no model: every token is the evaluation's, recorded once under the interview's tenant.
        Assert.Equal(
            [new UsageTotal(UsageKinds.CachedTokens, 256), new UsageTotal(UsageKinds.InputTokens, 1_200), new UsageTotal(UsageKinds.OutputTokens, 300)],
            usage.Where(u => u.Kind.EndsWith("_tokens", StringComparison.Ordinal)));
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public async Task The_model_report_is_stored_as_written_and_is_pending_until_then()
    {
        var release = new TaskCompletionSource();
        var model = new ScriptedEvaluationModel(async (input, cancellation) =>
        {
            await release.Task.WaitAsync(cancellation);
            return await ScriptedEvaluationModel.Answers(input, cancellation);
        });
        await using var cluster = await CompletionCluster.StartAsync(model);
        var (id, grain) = await CompletionCluster.CreateAsync(cluster);

        await CompletionCluster.AnswerOnceAndEndAsync(cluster, id);
        await model.FirstCallStarted.WaitAsync(CandidateClient.Patience);
        Assert.Equal(ReportStatus.Pending, (await grain.GetReport())!.Status);
        Assert.Equal(InterviewStatus.Completed, (await grain.GetSnapshot())!.Status); // Ended before it was evaluated.

        release.SetResult();
        var report = (await CompletionCluster.ReportReadyAsync(grain))!.Report!;
        Assert.Equal(ScriptedEvaluationModel.ModelName, report.GeneratedBy);
        Assert.Equal(75, report.OverallScore);
        Assert.Equal(Recommendations.Hire, report.Recommendation);
        Assert.False(report.Fallback);
    }

    [Fact]
    public async Task A_silo_stopped_mid_evaluation_leaves_a_reminder_that_evaluates_again_on_another_silo()
    {
        var model = new ScriptedEvaluationModel(ScriptedEvaluationModel.Hangs, ScriptedEvaluationModel.Answers);
        await using var cluster = await CompletionCluster.StartAsync(model);
        var (id, grain) = await CompletionCluster.CreateAsync(cluster);
        await CompletionCluster.AnswerOnceAndEndAsync(cluster, id);
        await model.FirstCallStarted.WaitAsync(CandidateClient.Patience);

        await cluster.StopSiloAsync(cluster.Silos[0]);
        await cluster.AddSiloAsync();

        // Nothing calls the interview: only the durable reminder can bring it back to finish its evaluation.
        await Eventually.Becomes(() => Task.FromResult(model.Calls), calls => calls >= 2, "the reminder to evaluate again");
        var report = (await CompletionCluster.ReportReadyAsync(grain))!.Report!;
        Assert.Equal(ScriptedEvaluationModel.ModelName, report.GeneratedBy);
        await Eventually.Becomes(
            async () => (await cluster.ReadReminderNamesAsync(grain.GetGrainId())).Count,
            count => count == 0, "the completion reminder to be dropped");
    }

    [Fact]
    public async Task Erasing_a_running_interview_queues_no_completion_webhook()
    {
        await using var cluster = await CompletionCluster.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Webhooks:SigningSecret"] = "erasure-test-signing-secret-0123456789",
        });
        var id = Guid.NewGuid().ToString("N");
        var grain = cluster.GrainFactory.GetGrain<IInterviewGrain>(id);
        await grain.Create(InterviewCluster.Definition() with { TenantId = CompletionCluster.Tenant, WebhookUrl = "https://hooks.example/completed" });
        await using (var candidate = await CandidateClient.ConnectAsync(cluster, id))
        {
            await candidate.SendJsonAsync("""{"type":"start_interview"}""");
            await candidate.WaitForAsync("ai_response_complete");
        }

        await grain.Erase();

        // The erasure must not publish the interview it is destroying: a queued delivery carries the transcript.
        var outbox = SyncHireTestCluster.ServicesOf(cluster.Silos[0]).GetRequiredService<IWebhookOutbox>();
        Assert.Empty(await outbox.ListDeliveriesAsync(CompletionCluster.Tenant, id, default));
        Assert.Null(await grain.GetReport());
    }

    [Fact]
    public async Task An_interview_ended_before_it_started_has_no_report_to_wait_for()
    {
        await using var cluster = await CompletionCluster.StartAsync();
        var (id, grain) = await CompletionCluster.CreateAsync(cluster);

        await grain.End(EndReasons.Ended);

        Assert.Equal(ReportStatus.NotAvailable, (await grain.GetReport())!.Status);
        Assert.Null(await cluster.GrainFactory.GetGrain<IInterviewGrain>(Guid.NewGuid().ToString("N")).GetReport());
        GC.KeepAlive(id);
    }
}
