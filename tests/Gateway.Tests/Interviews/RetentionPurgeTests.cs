using System.Net;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.Tenants;
using SyncHire.Grains.Interview;
using SyncHire.Platform.Retention;
using SyncHire.Testing;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>
/// The retention purge erases interviews that ended longer ago than Platform:TranscriptRetention. The sweep is
/// triggered directly with a chosen "now", so no test waits for time to pass.
/// </summary>
public sealed class RetentionPurgeTests
{
    [Fact]
    public async Task A_sweep_erases_only_interviews_that_ended_before_the_retention_period()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:TranscriptRetention", "1.00:00:00")), timeout.Token);
        using var acme = host.CreateClient(TenantKeys.AcmeKey);
        using var globex = host.CreateClient(TenantKeys.GlobexKey);
        var endedAcme = (await acme.CreateInterviewAsync(timeout.Token, "Old Acme")).GetProperty("id").GetString()!;
        var endedGlobex = (await globex.CreateInterviewAsync(timeout.Token, "Old Globex")).GetProperty("id").GetString()!;
        var stillOpen = (await acme.CreateInterviewAsync(timeout.Token, "Open Acme")).GetProperty("id").GetString()!;
        await acme.PostJsonAsync($"api/interviews/{endedAcme}/end", timeout.Token);
        await globex.PostJsonAsync($"api/interviews/{endedGlobex}/end", timeout.Token);
        var job = host.GetRequiredService<TranscriptRetentionJob>();

        var erasedToday = await job.PurgeAsync(DateTimeOffset.UtcNow, timeout.Token);
        var erasedTwoDaysLater = await job.PurgeAsync(DateTimeOffset.UtcNow.AddDays(2), timeout.Token);

        Assert.Equal(0, erasedToday);
        Assert.Equal(2, erasedTwoDaysLater);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"api/interviews/{endedAcme}", timeout.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync($"api/interviews/{endedGlobex}", timeout.Token)).Status);
        Assert.Null(await StoredGrainData.ReadStateAsync<InterviewCoreState>(host.Services, StoredGrainData.InterviewGrainId(host.Services, endedAcme), "interview"));
        Assert.Equal(HttpStatusCode.OK, (await acme.GetJsonAsync($"api/interviews/{stillOpen}", timeout.Token)).Status);
    }

    [Fact]
    public async Task Retention_zero_keeps_ended_interviews()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:TranscriptRetention", "0")), timeout.Token);
        using var acme = host.CreateClient(TenantKeys.AcmeKey);
        var id = (await acme.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();
        await acme.PostJsonAsync($"api/interviews/{id}/end", timeout.Token);

        var erased = await host.GetRequiredService<TranscriptRetentionJob>().PurgeAsync(DateTimeOffset.UtcNow.AddYears(10), timeout.Token);

        Assert.Equal(0, erased);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetJsonAsync($"api/interviews/{id}", timeout.Token)).Status);
    }

    [Theory]
    [InlineData("ninety days")]
    [InlineData("-1.00:00:00")]
    public async Task A_malformed_retention_fails_startup_naming_the_setting(string value)
    {
        using var timeout = TestTimeout.Start();

        var error = await Record.ExceptionAsync(
            () => GatewayTestHost.StartAsync(TenantKeys.Settings(("Platform:TranscriptRetention", value)), timeout.Token));

        Assert.NotNull(error);
        // Unreadable text fails binding (InvalidOperationException), a negative duration the validator; both name it.
        Assert.True(error is InvalidOperationException or OptionsValidationException, $"unexpected {error.GetType()}");
        Assert.Contains("Platform:TranscriptRetention", error.Message);
    }
}
