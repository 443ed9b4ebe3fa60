using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void A_cluster_gateway_without_a_signing_key_refuses_to_start_and_says_why()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build(["--Cluster:Role=Gateway"]));

        Assert.Contains("Gateway:TokenSigningKey", error.Message);
        Assert.Contains("share", error.Message);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void An_unusable_signing_key_refuses_to_start_without_echoing_it(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build([$"--Gateway:TokenSigningKey={key}"]));

        Assert.Contains("Gateway:TokenSigningKey", error.Message);
        Assert.DoesNotContain(key, error.Message);
    }

    [Theory]
    [InlineData("Gateway:CandidateTokenLifetime", "00:00:00")]
    [InlineData("Gateway:CandidateTokenLifetime", "-00:05:00")]
    [InlineData("Gateway:MaxClientMessageBytes", "0")]
    public void A_setting_out_of_range_refuses_to_start_naming_it(string setting, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build([$"--{setting}={value}"]));

        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void The_silo_role_is_not_served_by_the_gateway_host()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build(["--Cluster:Role=Silo"]));

        Assert.Contains("SyncHire.Silo", error.Message);
    }

    [Fact]
    public async Task A_gateway_with_no_silo_answers_503_problem_instead_of_hanging_or_crashing()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cluster:Role"] = "Gateway",
            ["Cluster:CallTimeout"] = "00:00:01",
            ["Gateway:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, timeout.Token);
        using var client = host.CreateClient();

        using var response = await client.PostAsJsonAsync("api/interviews", new { candidateName = "Ada", jobTitle = "Engineer" }, timeout.Token);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("cluster_unavailable", problem.GetProperty("code").GetString());
    }
}
