using System.Net.Http.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.VideoRooms;

/// <summary>A gateway without video-room keys (the default) answers every video-room endpoint 501, naming the settings.</summary>
public sealed class IntegrationsOffTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData("POST", "livekit-token", "LiveKit:ApiSecret")]
    [InlineData("POST", "stream-call", "Stream:ApiSecret")]
    [InlineData("POST", "tavus-conversation", "Tavus:ApiKey")]
    [InlineData("DELETE", "tavus-conversation", "Tavus:ApiKey")]
    public async Task Each_integration_is_off_until_configured(string method, string endpoint, string setting)
    {
        using var timeout = TestTimeout.Start();
        var id = await VideoRoomsSystem.CreateInterviewAsync(_client, timeout.Token);

        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"api/interviews/{id}/{endpoint}"), timeout.Token);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(timeout.Token);

        Assert.Equal(501, (int)response.StatusCode);
        Assert.Equal("integration_not_configured", problem.GetProperty("code").GetString());
        Assert.Contains(setting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_tavus_the_candidates_room_is_told_there_is_no_avatar()
    {
        using var timeout = TestTimeout.Start();
        var id = await VideoRoomsSystem.CreateInterviewAsync(_client, timeout.Token);
        var (_, issued) = await VideoRoomsSystem.SendAsync(_client, HttpMethod.Post, $"api/interviews/{id}/token", null, timeout.Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/interviews/{id}/avatar");
        request.Headers.Authorization = new("Bearer", issued.GetProperty("candidateToken").GetString());
        using var response = await _client.SendAsync(request, timeout.Token);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Fact]
    public async Task Tavus_with_a_daily_js_url_that_is_not_https_refuses_to_start()
    {
        using var timeout = TestTimeout.Start();

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
            {
                ["Tavus:ApiKey"] = "a-key",
                ["Tavus:ReplicaId"] = "r1",
                ["Tavus:DailyJsUrl"] = "http://cdn.example.com/daily.js",
            }, timeout.Token);
        });

        Assert.Contains("Tavus:DailyJsUrl", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tavus_with_a_key_but_no_replica_or_persona_refuses_to_start()
    {
        using var timeout = TestTimeout.Start();

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?> { ["Tavus:ApiKey"] = "a-key" }, timeout.Token);
        });

        Assert.Contains("Tavus:ReplicaId", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-key", failure.Message, StringComparison.Ordinal);
    }
}
