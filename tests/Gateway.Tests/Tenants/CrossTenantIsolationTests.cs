using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Tenants;

/// <summary>Tenant A's key can do nothing with tenant B's interview, and cannot even tell it exists.</summary>
public sealed class CrossTenantIsolationTests : IAsyncLifetime
{
    private GatewayTestHost _host = null!;
    private HttpClient _acme = null!;
    private HttpClient _globex = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:AnonymousTenant", "")));
        _acme = _host.CreateClient(TenantKeys.AcmeKey);
        _globex = _host.CreateClient(TenantKeys.GlobexKey);
    }

    public async ValueTask DisposeAsync()
    {
        _acme.Dispose();
        _globex.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/end")]
    [InlineData("POST", "/token")]
    [InlineData("DELETE", "")]
    public async Task Another_tenants_interview_answers_404_exactly_like_a_missing_one(string method, string suffix)
    {
        using var timeout = TestTimeout.Start();
        var id = (await _globex.CreateInterviewAsync(timeout.Token, "Globex Candidate")).GetProperty("id").GetString();
        const string missing = "0123456789abcdef0123456789abcdef";

        var (foreignStatus, foreign) = await SendAsync(_acme, method, $"api/interviews/{id}{suffix}", timeout.Token);
        var (missingStatus, absent) = await SendAsync(_acme, method, $"api/interviews/{missing}{suffix}", timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, foreignStatus);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal("interview_not_found", foreign.GetProperty("code").GetString());
        Assert.Equal(absent.GetProperty("title").GetString(), foreign.GetProperty("title").GetString());

        // And the owner's interview is untouched: not ended, not erased.
        var (ownerStatus, owned) = await _globex.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.Equal("created", owned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_tenant_lists_only_its_own_interviews()
    {
        using var timeout = TestTimeout.Start();
        var acmeId = (await _acme.CreateInterviewAsync(timeout.Token, "Listed For Acme")).GetProperty("id").GetString();
        var globexId = (await _globex.CreateInterviewAsync(timeout.Token, "Listed For Globex")).GetProperty("id").GetString();

        var acmeIds = await ListIdsAsync(_acme, timeout.Token);
        var globexIds = await ListIdsAsync(_globex, timeout.Token);

        Assert.Contains(acmeId, acmeIds);
        Assert.DoesNotContain(globexId, acmeIds);
        Assert.Contains(globexId, globexIds);
        Assert.DoesNotContain(acmeId, globexIds);
    }

    [Fact]
    public async Task The_created_interview_records_its_tenant()
    {
        using var timeout = TestTimeout.Start();
        var id = (await _acme.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString()!;

        var entry = await _host.GetRequiredService<Platform.Interviews.IInterviewIndex>()
            .GetInterviewAsync(TenantKeys.Acme, id, timeout.Token);

        Assert.NotNull(entry);
        Assert.Equal(TenantKeys.Acme, entry.TenantId);
    }

    private static async Task<List<string?>> ListIdsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var (status, page) = await client.GetJsonAsync("api/interviews?limit=100", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpClient client, string method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await client.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }
}
