using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.Tenants;

namespace SyncHire.Gateway.Tests.Limits;

public sealed class InterviewQuotaTests
{
    [Fact]
    public async Task Creating_past_the_open_interview_quota_is_429_until_one_ends()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:MaxConcurrentInterviews", "2")), timeout.Token);
        using var acme = host.CreateClient(TenantKeys.AcmeKey);
        using var globex = host.CreateClient(TenantKeys.GlobexKey);
        var first = (await acme.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();
        await acme.CreateInterviewAsync(timeout.Token);

        using var refused = await CreateAsync(acme, timeout.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("interview_quota_exceeded", problem.GetProperty("code").GetString());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        // Another tenant has its own quota; ending one of acme's frees a slot.
        using var otherTenant = await CreateAsync(globex, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.PostJsonAsync($"api/interviews/{first}/end", timeout.Token)).Status);
        using var afterEnd = await CreateAsync(acme, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, afterEnd.StatusCode);
    }

    [Fact]
    public async Task Creates_racing_for_the_last_slots_never_pass_the_quota()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:MaxConcurrentInterviews", "3")), timeout.Token);
        using var acme = host.CreateClient(TenantKeys.AcmeKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateAsync(acme, timeout.Token)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        var (_, page) = await acme.GetJsonAsync("api/interviews", timeout.Token);
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, CancellationToken cancellationToken) =>
        client.PostAsJsonAsync("api/interviews", new { candidateName = "Quota Candidate", jobTitle = "Engineer" }, cancellationToken);
}
