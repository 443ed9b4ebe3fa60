using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

/// <summary>
/// The interview's clocks, on a manual clock shared by the whole cluster (the TestCluster's Time option): minutes
/// pass in Advance calls, so a one-minute cap takes milliseconds and fires at a known instant.
/// </summary>
public sealed class InterviewClockTests
{
    private static ManualTimeProvider NewClock() => new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_cap_warns_at_half_time_when_shorter_than_the_lead_then_ends_with_time_limit()
    {
        var clock = NewClock();
        await using var cluster = await InterviewCluster.StartAsync(clock);
        var (id, grain) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition(maxDurationMinutes: 1));
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        clock.Advance(TimeSpan.FromSeconds(30));
        var warning = await candidate.WaitForAsync("time_warning");
        Assert.Equal(30, warning.GetProperty("remaining_seconds").GetInt32());
        Assert.Equal("About 30 seconds left in this interview.", warning.GetProperty("message").GetString());

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("time_limit", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
        Assert.Equal(1000, (await candidate.ReadUntilClosedAsync()).Code);
        var snapshot = await grain.GetSnapshot();
        Assert.Equal(EndReasons.TimeLimit, snapshot!.EndReason);
        Assert.Equal(snapshot.StartedAt + TimeSpan.FromMinutes(1), snapshot.EndedAt);
    }

    [Fact]
    public async Task The_warning_comes_the_configured_lead_before_a_longer_cap()
    {
        var clock = NewClock();
        await using var cluster = await InterviewCluster.StartAsync(clock, new Dictionary<string, string?> { ["Interviews:TimeWarningLead"] = "00:03:00" });
        var (id, _) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition(maxDurationMinutes: 10));
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        clock.Advance(TimeSpan.FromMinutes(6.5));
        await candidate.SendJsonAsync("""{"type":"ping"}""");
        await candidate.WaitForAsync("pong");
        Assert.DoesNotContain("time_warning", candidate.ReceivedTypes);

        clock.Advance(TimeSpan.FromMinutes(0.5));
        var warning = await candidate.WaitForAsync("time_warning");
        Assert.Equal(180, warning.GetProperty("remaining_seconds").GetInt32());
        Assert.Equal("About 3 minutes left in this interview.", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_cap_holds_across_reactivation_from_the_persisted_start()
    {
        var clock = NewClock();
        await using var cluster = await InterviewCluster.StartAsync(clock);
        var (id, _) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition(maxDurationMinutes: 5));
        await using (var candidate = await CandidateClient.ConnectAsync(cluster, id))
        {
            await candidate.SendJsonAsync("""{"type":"start_interview"}""");
            await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);
        }

        // The silo goes down; while no silo hosts the interview its cap passes.
        await cluster.StopSiloAsync(cluster.Silos[0]);
        clock.Advance(TimeSpan.FromMinutes(6));
        await cluster.AddSiloAsync();

        var snapshot = await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot();
        Assert.Equal(InterviewStatus.Completed, snapshot!.Status);
        Assert.Equal(EndReasons.TimeLimit, snapshot.EndReason);
        await using var late = await CandidateClient.ConnectAsync(cluster, id);
        Assert.Equal("time_limit", (await late.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_started_interview_with_no_candidate_connected_ends_after_the_idle_timeout()
    {
        var clock = NewClock();
        await using var cluster = await InterviewCluster.StartAsync(clock, new Dictionary<string, string?> { ["Interviews:IdleTimeout"] = "00:01:00" });
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using (var candidate = await CandidateClient.ConnectAsync(cluster, id))
        {
            await candidate.SendJsonAsync("""{"type":"start_interview"}""");
            await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);
        }

        // The grain notices the disconnect on its own schedule; each step moves the clock one idle timeout on.
        var snapshot = await Eventually.Becomes(
            async () =>
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                return await grain.GetSnapshot();
            },
            s => s!.Status == InterviewStatus.Completed,
            "the idle timeout to end the interview");

        Assert.Equal(EndReasons.Idle, snapshot!.EndReason);
        Assert.True(snapshot.EndedAt - snapshot.StartedAt < TimeSpan.FromMinutes(10), "ended by idleness, long before the cap");
    }

    [Fact]
    public async Task A_connected_candidate_is_never_idle()
    {
        var clock = NewClock();
        await using var cluster = await InterviewCluster.StartAsync(clock, new Dictionary<string, string?> { ["Interviews:IdleTimeout"] = "00:01:00" });
        var (id, grain) = await InterviewCluster.CreateAsync(cluster);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        await InterviewFlowTests.ReadInterviewerResponseAsync(candidate, expectedSequence: 1);

        clock.Advance(TimeSpan.FromMinutes(5));
        await candidate.SendJsonAsync("""{"type":"ping"}""");
        await candidate.WaitForAsync("pong");

        Assert.Equal(InterviewStatus.InProgress, (await grain.GetSnapshot())!.Status);
        Assert.DoesNotContain("interview_ended", candidate.ReceivedTypes);
    }
}
