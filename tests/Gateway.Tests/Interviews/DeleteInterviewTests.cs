using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.Tenants;
using SyncHire.Platform.Interviews;
using SyncHire.Grains.Interview;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>DELETE /api/interviews/{id} erases the interview everywhere it is kept.</summary>
public sealed class DeleteInterviewTests : AcmeTenantHostTests
{
    [Fact]
    public async Task Deleting_a_running_interview_ends_it_for_the_candidate_and_erases_state_index_and_reminder()
    {
        using var timeout = TestTimeout.Start();
        var created = await _client.CreateInterviewAsync(timeout.Token, "Erased Candidate", "Backend engineer", "What is a mutex?");
        var id = created.GetProperty("id").GetString()!;
        await using var candidate = await CandidateClient.ConnectAsync(
            _host.CandidateSocketAddress(id, created.GetProperty("candidateToken").GetString()), timeout.Token);
        await candidate.WaitForAsync("session_ready", timeout.Token);
        await candidate.SendJsonAsync("""{"type":"start_interview","consent":true}""", timeout.Token);
        await candidate.WaitForAsync("ai_response_complete", timeout.Token);
        var grainId = StoredGrainData.InterviewGrainId(_host.Services, id);
        Assert.NotEmpty(await StoredGrainData.ReadReminderNamesAsync(_host.Services, grainId));
        Assert.NotNull(await StoredGrainData.ReadStateAsync<TranscriptChunk>(_host.Services, grainId, "transcript-0"));

        using var response = await _client.DeleteAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var ended = await candidate.WaitForAsync("interview_ended", timeout.Token);
        Assert.Equal("ended_by_platform", ended.GetProperty("reason").GetString());
        Assert.Null(await StoredGrainData.ReadStateAsync<InterviewCoreState>(_host.Services, grainId, "interview"));
        Assert.Null(await StoredGrainData.ReadStateAsync<ConversationProgressState>(_host.Services, grainId, "progress"));
        Assert.Null(await StoredGrainData.ReadStateAsync<CompletionState>(_host.Services, grainId, "completion"));
        Assert.Null(await StoredGrainData.ReadStateAsync<CvState>(_host.Services, grainId, "cv"));
        Assert.Null(await StoredGrainData.ReadStateAsync<TranscriptChunk>(_host.Services, grainId, "transcript-0"));
        Assert.Empty(await StoredGrainData.ReadReminderNamesAsync(_host.Services, grainId));
        Assert.Null(await _host.GetRequiredService<IInterviewIndex>().GetInterviewAsync(TenantKeys.Acme, id, timeout.Token));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync($"api/interviews/{id}", timeout.Token)).Status);
        var (_, page) = await _client.GetJsonAsync("api/interviews?candidate=erased", timeout.Token);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_second_delete_is_404()
    {
        using var timeout = TestTimeout.Start();
        var id = (await _client.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();

        using var first = await _client.DeleteAsync($"api/interviews/{id}", timeout.Token);
        using var second = await _client.DeleteAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("interview_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Deleting_removes_the_interviews_usage_and_webhook_deliveries()
    {
        using var timeout = TestTimeout.Start();
        var id = (await _client.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString()!;
        var store = _host.GetRequiredService<Platform.IPlatformStore>();
        var now = DateTimeOffset.UtcNow;
        await store.RecordUsageAsync([new Platform.Usage.UsageRecord(id, TenantKeys.Acme, Platform.Usage.UsageKinds.AudioInSeconds, 12, now)], timeout.Token);
        await store.EnqueueAsync(new Platform.Webhooks.WebhookMessage($"delivery-{id}", id, TenantKeys.Acme,
            "https://127.0.0.1:9/hook", "interview.completed", """{"transcript":"secret"}""", now), timeout.Token);

        using var response = await _client.DeleteAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await store.ListDeliveriesAsync(TenantKeys.Acme, id, timeout.Token));
        // Nothing of the interview's is left to delete: the erasure removed it (other interviews' usage is kept).
        Assert.Equal(0, await store.DeleteUsageAsync(TenantKeys.Acme, id, timeout.Token));
    }
}
