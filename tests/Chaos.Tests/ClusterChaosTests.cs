using SyncHire.Bench.LoadGen.Chaos;

namespace SyncHire.Chaos.Tests;

/// <summary>
/// The small chaos run of scripts/chaos.sh, in CI: 3 co-hosted SyncHire processes (each the gateway and an Orleans
/// silo) as real processes on a private PostgreSQL, 30 candidates answering continuously across them. The process
/// hosting the most interviews is killed with SIGKILL: its candidates reconnect through the others and each interview
/// must be served again from its stored state within 5 s of the kill. A new process joins and must serve new
/// interviews; PostgreSQL restarts under load. Nothing the candidates were shown as final may be missing from the
/// stored transcripts, and every interview must carry on.
/// </summary>
public sealed class ClusterChaosTests
{
    [Fact]
    public async Task Process_kill_new_process_and_database_restart_lose_no_acknowledged_turn_and_fail_no_interview()
    {
        PostgresRequirement.Check();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(4));
        var log = new StringWriter();
        await using var run = new ChaosRun(new ChaosOptions(RepositoryPaths.GatewayDll), log);

        var report = await run.RunAsync(limit.Token);
        TestContext.Current.SendDiagnosticMessage(log + report.ToString());

        Assert.True(report.InterviewsOnKilledProcess > 0, "the killed process hosted interviews");
        Assert.Equal(0, report.FailedInterviews);
        Assert.Equal(0, report.TurnsLost);
        Assert.Equal(0, report.TurnsMissingAtResume);
        Assert.True(report.TurnsAcknowledged >= report.Interviews * 3, "every interview went through several turns");
        Assert.True(report.KillOutages.Count == report.InterviewsOnKilledProcess,
            $"every interview of the killed process is served again elsewhere: {report.KillOutages.Count} of {report.InterviewsOnKilledProcess}");
        Assert.True(report.MaxKillOutage <= report.OutageTarget,
            $"every interview the kill interrupted is served again within {report.OutageTarget.TotalSeconds:0} s of it: the slowest took {report.MaxKillOutage.TotalMilliseconds:0} ms");
        Assert.True(report.NewProcessInterviews > 0,
            $"the new process serves new interviews: {string.Join(", ", report.LateInterviewsServed)}");
    }
}
