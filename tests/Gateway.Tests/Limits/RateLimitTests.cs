using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.Tenants;

namespace SyncHire.Gateway.Tests.Limits;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_tenant_past_its_burst_gets_429_rate_limited_with_Retry_After_while_another_tenant_goes_on()
    {
        using var timeout = TestTimeout.Start();
        // One permit a minute after a burst of three: the fourth request inside the minute is refused.
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(
            ("Platform:RateLimit:PermitsPerMinute", "1"), ("Platform:RateLimit:Burst", "3")), timeout.Token);
        using var acme = host.CreateClient(TenantKeys.AcmeKey);
        using var globex = host.CreateClient(TenantKeys.GlobexKey);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await acme.GetAsync("api/interviews", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await acme.GetAsync("api/interviews", timeout.Token);
        using var other = await globex.GetAsync("api/interviews", timeout.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Requests_outside_the_tenant_API_are_not_counted()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(
            ("Platform:RateLimit:PermitsPerMinute", "1"), ("Platform:RateLimit:Burst", "1")), timeout.Token);
        using var acme = host.CreateClient(TenantKeys.AcmeKey);

        for (var i = 0; i < 5; i++)
        {
            using var health = await acme.GetAsync("health", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var api = await acme.GetAsync("api/interviews", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}
