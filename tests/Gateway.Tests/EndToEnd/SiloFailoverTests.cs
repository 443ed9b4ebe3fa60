using System.Net;
using System.Net.WebSockets;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Runtime;
using SyncHire.Runtime.Testing;

namespace SyncHire.Gateway.Tests.EndToEnd;

/// <summary>
/// A cluster: two silos hosting interviews and a separate gateway, over one database. The silo that hosts a live
/// interview is killed (no shutdown code runs, its sockets are cut); the candidate is told to reconnect, does, and
/// the interview continues on the other silo with its transcript and start time intact.
/// </summary>
public sealed class SiloFailoverTests : IAsyncLifetime
{
    private SiloClusterWithGateway _system = null!;
    private TestCluster _cluster = null!;
    private GatewayTestHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _system = await SiloClusterWithGateway.StartAsync(silos: 2);
        _cluster = _system.Cluster;
        _gateway = _system.Gateway;
    }

    public ValueTask DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_live_interview_the_candidate_reconnects_and_it_continues_elsewhere()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        using var http = _gateway.CreateClient();
        var created = await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler Engineer",
            "What does a linker do?", "How would you debug a miscompilation?", "What makes an error message good?");
        var id = created.GetProperty("id").GetString()!;
        var socketAddress = _gateway.CandidateSocketAddress(id, created.GetProperty("candidateToken").GetString());

        await using var candidate = await ScriptedCandidate.ConnectAsync(socketAddress, ct);
        await candidate.SendAsync("start_interview", ct);
        await candidate.ListenToInterviewerAsync(ct);
        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        Assert.Contains("How would you debug a miscompilation?", await candidate.ListenToInterviewerAsync(ct));
        var (_, before) = await http.GetJsonAsync($"api/interviews/{id}", ct);
        var transcriptBefore = before.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.Equal(3, transcriptBefore.Count);

        var host = _cluster.FindHost(new GrainId("interview", id))!;
        var survivor = _cluster.Silos.Single(s => s != host);
        await _cluster.KillSiloAsync(host);

        // The gateway notices the lost silo connection and tells the candidate to reconnect.
        var notice = await candidate.WaitForAsync("reconnecting", ct);
        Assert.False(string.IsNullOrEmpty(notice.GetProperty("reason").GetString()));
        await candidate.WaitForCloseAsync(ct);
        Assert.Equal((WebSocketCloseStatus)1012, candidate.CloseStatus);

        await candidate.ReconnectAsync(socketAddress, ct);
        var resumed = await candidate.WaitForAsync("resumed", ct);
        Assert.Equal(transcriptBefore, resumed.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        // The interviewer picks up at the unanswered question.
        Assert.Contains("How would you debug a miscompilation?", await candidate.ListenToInterviewerAsync(ct));
        Assert.True(survivor.Hosts(new GrainId("interview", id)));

        await candidate.AnswerAsync(TimeSpan.FromSeconds(3), ct);
        Assert.Contains("What makes an error message good?", await candidate.ListenToInterviewerAsync(ct));
        await candidate.SendAsync("end_interview", ct);
        Assert.Equal("candidate_ended", (await candidate.WaitForAsync("interview_ended", ct)).GetProperty("reason").GetString());

        var (status, after) = await http.GetJsonAsync($"api/interviews/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.GetProperty("startedAt").GetString(), after.GetProperty("startedAt").GetString());
        var transcriptAfter = after.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.Equal(transcriptBefore, transcriptAfter.Take(transcriptBefore.Count));
        Assert.Contains(transcriptAfter, text => text!.Contains("What makes an error message good?"));
    }
}
