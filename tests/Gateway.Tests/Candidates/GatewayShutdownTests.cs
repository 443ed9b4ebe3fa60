using SyncHire.Gateway.Candidates;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Candidates;

/// <summary>Counting candidates, and sending them away cleanly when the process stops (its own app per test).</summary>
public sealed class GatewayShutdownTests
{
    [Fact]
    public async Task Health_counts_the_connected_candidate()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(cancellationToken: timeout.Token);
        using var client = host.CreateClient();
        var (_, before) = await client.GetJsonAsync("health", timeout.Token);

        var created = await client.CreateInterviewAsync(timeout.Token);
        await using var socket = await CandidateClient.ConnectAsync(
            host.CandidateSocketAddress(created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString()), timeout.Token);
        await socket.WaitForAsync("session_ready", timeout.Token);
        var (_, during) = await client.GetJsonAsync("health", timeout.Token);

        Assert.Equal(0, before.GetProperty("active_connections").GetInt32());
        Assert.Equal(1, during.GetProperty("active_connections").GetInt32());
        Assert.Equal(1, host.GetRequiredService<ActiveCandidateConnections>().Count);
    }

    [Fact]
    public async Task Stopping_the_process_tells_the_candidate_to_reconnect_and_closes_with_1012()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(cancellationToken: timeout.Token);
        using var client = host.CreateClient();
        var created = await client.CreateInterviewAsync(timeout.Token);
        await using var socket = await CandidateClient.ConnectAsync(
            host.CandidateSocketAddress(created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString()), timeout.Token);
        await socket.WaitForAsync("session_ready", timeout.Token);

        var stopping = host.App.StopAsync(timeout.Token);
        var reconnecting = await socket.WaitForAsync("reconnecting", timeout.Token);
        await socket.ReadUntilClosedAsync(timeout.Token);
        await stopping;

        Assert.False(string.IsNullOrEmpty(reconnecting.GetProperty("reason").GetString()));
        Assert.Equal(CandidateClose.ServiceRestart, socket.Close?.Code);
    }
}
