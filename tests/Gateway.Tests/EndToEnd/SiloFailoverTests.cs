using System.Net;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.EndToEnd;

/// <summary>
/// A cluster of two SyncHire processes (each a gateway co-hosted with a silo) over one database. The candidate
/// connects through the second, so its interview lives there; that process is killed (no shutdown code runs, its
/// sockets are cut). The candidate reconnects through the survivor and the interview continues there with its
/// transcript and start time intact.
/// </summary>
public sealed class SiloFailoverTests : IAsyncLifetime
{
    private CoHostedCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await CoHostedCluster.StartAsync(processes: 2);

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Killing_the_process_that_hosts_a_live_interview_the_candidate_reconnects_and_it_continues_elsewhere()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        var survivor = _cluster.Hosts[0];
        var doomed = _cluster.Hosts[1];
        using var http = survivor.CreateClient();
        var created = await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler Engineer",
            "What does a linker do?", "How would you debug a miscompilation?", "What makes an error message good?");
        var id = created.GetProperty("id").GetString()!;
        var token = created.GetProperty("candidateToken").GetString();

        await using var candidate = await CandidateClient.ConnectAsync(doomed.CandidateSocketAddress(id, token), ct);
        await candidate.StartInterviewAsync(ct);
        await candidate.ListenToInterviewerAsync(ct);
        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        Assert.Contains("How would you debug a miscompilation?", await candidate.ListenToInterviewerAsync(ct));
        var (_, before) = await http.GetJsonAsync($"api/interviews/{id}", ct);
        var transcriptBefore = before.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.Equal(3, transcriptBefore.Count);

        await _cluster.KillAsync(doomed);

        // The socket died with its process: the candidate reconnects, through the survivor.
        await candidate.ReconnectAsync(survivor.CandidateSocketAddress(id, token), ct);
        var resumed = await candidate.WaitForAsync("resumed", ct);
        Assert.Equal(transcriptBefore, resumed.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        // The interviewer picks up at the unanswered question.
        Assert.Contains("How would you debug a miscompilation?", await candidate.ListenToInterviewerAsync(ct));

        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        Assert.Contains("What makes an error message good?", await candidate.ListenToInterviewerAsync(ct));
        await candidate.EndInterviewAsync(ct);
        Assert.Equal("candidate_ended", (await candidate.WaitForAsync("interview_ended", ct)).GetProperty("reason").GetString());

        var (status, after) = await http.GetJsonAsync($"api/interviews/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.GetProperty("startedAt").GetString(), after.GetProperty("startedAt").GetString());
        var transcriptAfter = after.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.Equal(transcriptBefore, transcriptAfter.Take(transcriptBefore.Count));
        Assert.Contains(transcriptAfter, text => text!.Contains("What makes an error message good?"));
    }

    [Fact]
    public async Task A_candidate_who_reconnects_through_another_process_brings_the_interview_with_it()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        using var http = _cluster.Hosts[0].CreateClient();
        var created = await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler Engineer", "What does a linker do?", "What is a calling convention?");
        var id = created.GetProperty("id").GetString()!;
        var token = created.GetProperty("candidateToken").GetString();

        await using var candidate = await CandidateClient.ConnectAsync(_cluster.Hosts[0].CandidateSocketAddress(id, token), ct);
        await candidate.StartInterviewAsync(ct);
        Assert.Contains("What does a linker do?", await candidate.ListenToInterviewerAsync(ct));

        // The candidate comes back through the other process: the interview migrates there to take the connection.
        await candidate.ReconnectAsync(_cluster.Hosts[1].CandidateSocketAddress(id, token), ct);
        var resumed = await candidate.WaitForAsync("resumed", ct);
        Assert.NotEmpty(resumed.GetProperty("transcript").EnumerateArray());
        // The moved interview reopens its interviewer, which picks up at the unanswered question.
        Assert.Contains("What does a linker do?", await candidate.ListenToInterviewerAsync(ct));
        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        Assert.Contains("What is a calling convention?", await candidate.ListenToInterviewerAsync(ct));
    }
}
