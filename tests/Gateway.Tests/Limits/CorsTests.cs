using System.Net;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.Tenants;

namespace SyncHire.Gateway.Tests.Limits;

public sealed class CorsTests
{
    private const string AllowedOrigin = "https://app.example.com";

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_without_an_api_key()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(
            ("Platform:AnonymousTenant", ""), ("Gateway:CorsOrigins:0", AllowedOrigin)), timeout.Token);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Preflight(AllowedOrigin), timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowedHeaders = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowedHeaders);
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Gateway:CorsOrigins:0", AllowedOrigin)), timeout.Token);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Preflight("https://evil.example.net"), timeout.Token);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configured_origins_responses_carry_no_CORS_headers()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(), timeout.Token);
        using var client = host.CreateClient(TenantKeys.AcmeKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/interviews");
        request.Headers.Add("Origin", AllowedOrigin);

        using var preflight = await client.SendAsync(Preflight(AllowedOrigin), timeout.Token);
        using var response = await client.SendAsync(request, timeout.Token);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_actual_request_from_the_origin_exposes_the_header_that_says_when_to_retry()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Gateway:CorsOrigins:0", AllowedOrigin)), timeout.Token);
        using var client = host.CreateClient(TenantKeys.AcmeKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/interviews");
        request.Headers.Add("Origin", AllowedOrigin);

        using var response = await client.SendAsync(request, timeout.Token);

        Assert.Equal(AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "api/interviews");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
