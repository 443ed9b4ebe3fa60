using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

public sealed class InterviewAbandonedOnDeadSiloTests
{
    /// <summary>
    /// The silo dies mid-interview and the candidate never comes back. Nothing calls the interview again, so only a
    /// durable reminder can bring it back to notice; it must end as idle, not stay "in progress" (holding the
    /// tenant's quota and the platform's dashboards) until its cap an hour later.
    /// </summary>
    [Fact]
    public async Task An_interview_whose_silo_died_and_whose_candidate_left_ends_as_idle_without_any_call()
    {
        await using var cluster = await InterviewCluster.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Interviews:IdleTimeout"] = "00:00:01",
        });
        var (id, _) = await InterviewCluster.CreateAsync(cluster);
        await using (var candidate = await CandidateClient.ConnectAsync(cluster, id))
        {
            await candidate.SendJsonAsync("""{"type":"start_interview"}""");
            await candidate.WaitForAsync("ai_response_complete");
            await cluster.KillSiloAsync(cluster.Silos[0]);
        }

        await cluster.AddSiloAsync();

        var grainId = cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetGrainId();
        var ended = await Eventually.Becomes(
            () => cluster.ReadStateAsync<InterviewCoreState>(grainId, "interview"),
            state => state?.EndReason is not null,
            "the reminder to bring the interview back and its idle timeout to end it",
            TimeSpan.FromSeconds(45));
        Assert.Equal(EndReasons.Idle, ended!.EndReason);
        await Eventually.Becomes(
            () => cluster.ReadReminderNamesAsync(grainId),
            names => !names.Contains(InterviewGrain.LivenessReminder) && !names.Contains(InterviewGrain.HardCapReminder),
            "the interview's live reminders to be dropped");
    }
}
