using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Tenants;

public sealed class ApiKeyAuthenticationTests
{
    [Fact]
    public async Task Without_an_anonymous_tenant_a_request_without_a_key_is_401_api_key_required_with_a_challenge()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "")), timeout.Token);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("api/interviews", timeout.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_required", problem.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Without_an_anonymous_tenant_a_valid_key_creates_and_reads_interviews()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "")), timeout.Token);
        using var client = host.CreateClient(TenantKeys.AcmeKey);

        var id = (await client.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();
        var (status, _) = await client.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("Authorization", "Bearer shk_not_a_real_key_000000000000")]
    [InlineData("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l")]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("X-Api-Key", "shk_not_a_real_key_000000000000")]
    public async Task An_invalid_key_is_401_invalid_api_key_even_where_anonymous_requests_are_allowed(string header, string value)
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "local")), timeout.Token);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/interviews");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request, timeout.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_and_keyed_requests_act_as_different_tenants()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "local")), timeout.Token);
        using var anonymous = host.CreateClient();
        using var acme = host.CreateClient(TenantKeys.AcmeKey);

        var anonymousId = (await anonymous.CreateInterviewAsync(timeout.Token, "Anon Candidate")).GetProperty("id").GetString();
        var acmeId = (await acme.CreateInterviewAsync(timeout.Token, "Acme Candidate")).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetJsonAsync($"api/interviews/{anonymousId}", timeout.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetJsonAsync($"api/interviews/{acmeId}", timeout.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"api/interviews/{anonymousId}", timeout.Token)).Status);
    }

    [Fact]
    public async Task The_X_Api_Key_header_authenticates_like_the_bearer_header()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "")), timeout.Token);
        using var bearer = host.CreateClient(TenantKeys.AcmeKey);
        using var headerKey = host.CreateClient();
        headerKey.DefaultRequestHeaders.Add("X-Api-Key", TenantKeys.AcmeKey);

        var id = (await bearer.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();
        var (status, body) = await headerKey.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_need_no_key()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "")), timeout.Token);
        using var client = host.CreateClient();

        using var health = await client.GetAsync("health/live", timeout.Token);
        using var openApi = await client.GetAsync("openapi/v1.json", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }
}
