using System.Globalization;
using System.Net;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Health;

public sealed class HealthTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Health_has_the_exact_shape_of_the_backend_guide()
    {
        using var timeout = TestTimeout.Start();

        var (status, body) = await _client.GetJsonAsync("health", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["active_connections", "status", "timestamp"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("active_connections").TryGetInt32(out _));
        var timestamp = DateTimeOffset.Parse(body.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow - timestamp, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Probes_report_healthy_when_the_database_answers(string path)
    {
        using var timeout = TestTimeout.Start();

        var (status, body) = await _client.GetJsonAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_checks_that_the_silo_is_an_active_cluster_member()
    {
        using var timeout = TestTimeout.Start();

        var (_, body) = await _client.GetJsonAsync("health/ready", timeout.Token);

        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("silo").GetString());
    }
}
