using SyncHire.Bench.LoadGen.Chaos;

namespace SyncHire.Chaos.Tests;

/// <summary>
/// The small chaos run of scripts/chaos.sh, in CI: 3 silos and 2 gateways as real processes, 30 candidates answering
/// continuously; a silo is killed with SIGKILL, a new one joins, PostgreSQL restarts under load. Nothing the
/// candidates were shown as final may be missing from the stored transcripts, and every interview must carry on.
/// </summary>
public sealed class ClusterChaosTests
{
    [Fact]
    public async Task Silo_kill_new_silo_and_database_restart_lose_no_acknowledged_turn_and_fail_no_interview()
    {
        PostgresRequirement.Check();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        var log = new StringWriter();
        await using var run = new ChaosRun(new ChaosOptions(RepositoryPaths.SiloDll, RepositoryPaths.GatewayDll), log);

        var report = await run.RunAsync(limit.Token);
        TestContext.Current.SendDiagnosticMessage(log + report.ToString());

        Assert.True(report.InterviewsOnKilledSilo > 0, "the killed silo hosted interviews");
        Assert.NotEmpty(report.SiloKillOutages);
        Assert.Equal(0, report.FailedInterviews);
        Assert.Equal(0, report.TurnsLost);
        Assert.True(report.TurnsAcknowledged >= report.Interviews * 3, "every interview went through several turns");
        Assert.True(report.ActivationsAfterJoin[report.NewSilo] > 0, $"the new silo takes new interviews: {string.Join(", ", report.ActivationsAfterJoin)}");
    }
}
