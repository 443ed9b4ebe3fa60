using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.VideoRooms;

public sealed class TavusConversationTests(VideoRoomsFixture fixture) : IClassFixture<VideoRoomsFixture>
{
    private readonly VideoRoomsSystem _system = fixture.System;

    [Fact]
    public async Task Create_opens_a_conversation_with_the_configured_replica_capped_at_the_interview_duration()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token, maxDurationMinutes: 20);

        var (status, body) = await Post(id, timeout.Token);

        Assert.Equal(201, status);
        var conversationId = body.GetProperty("conversationId").GetString()!;
        Assert.Equal($"https://tavus.daily.co/{conversationId}", body.GetProperty("conversationUrl").GetString());
        var request = _system.Tavus.CreateRequests.Single(r => r["conversation_name"]!.GetValue<string>().Contains(id, StringComparison.Ordinal));
        Assert.Equal(VideoRoomsSystem.TavusReplicaId, request["replica_id"]!.GetValue<string>());
        Assert.Equal(VideoRoomsSystem.TavusPersonaId, request["persona_id"]!.GetValue<string>());
        Assert.Equal(1200, request["properties"]!["max_call_duration"]!.GetValue<int>());
        Assert.Equal(60, request["properties"]!["participant_left_timeout"]!.GetValue<int>());
        Assert.Equal(300, request["properties"]!["participant_absent_timeout"]!.GetValue<int>());
        Assert.Equal("active", _system.Tavus.Conversations[conversationId]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_again_returns_the_open_conversation_instead_of_paying_for_a_second()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var (first, firstBody) = await Post(id, timeout.Token);
        var (second, secondBody) = await Post(id, timeout.Token);

        Assert.Equal(201, first);
        Assert.Equal(200, second);
        Assert.Equal(firstBody.GetProperty("conversationId").GetString(), secondBody.GetProperty("conversationId").GetString());
        Assert.Single(CreatedFor(id));
    }

    [Fact]
    public async Task Concurrent_creates_leave_exactly_one_conversation_running()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Post(id, timeout.Token)));

        Assert.All(results, r => Assert.Contains(r.Status, new[] { 200, 201 }));
        var answered = results.Select(r => r.Body.GetProperty("conversationId").GetString()).Distinct().ToList();
        var recorded = Assert.Single(answered);
        var running = CreatedFor(id).Where(c => _system.Tavus.Conversations[c]["status"]!.GetValue<string>() == "active");
        Assert.Equal([recorded], running);
    }

    [Fact]
    public async Task Delete_ends_the_conversation_and_a_new_one_can_be_opened_afterwards()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await Post(id, timeout.Token);
        var conversationId = opened.GetProperty("conversationId").GetString()!;

        var (deleted, _) = await Delete(id, timeout.Token);
        var (deletedAgain, again) = await Delete(id, timeout.Token);
        var (reopened, reopenedBody) = await Post(id, timeout.Token);

        Assert.Equal(204, deleted);
        Assert.Equal("ended", _system.Tavus.Conversations[conversationId]["status"]!.GetValue<string>());
        Assert.Equal(404, deletedAgain);
        Assert.Equal("tavus_conversation_not_found", again.GetProperty("code").GetString());
        Assert.Equal(201, reopened);
        Assert.NotEqual(conversationId, reopenedBody.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Delete_of_a_conversation_tavus_already_ended_forgets_it()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await Post(id, timeout.Token);
        _system.Tavus.Expire(opened.GetProperty("conversationId").GetString()!);

        var (deleted, _) = await Delete(id, timeout.Token);
        var (reopened, _) = await Post(id, timeout.Token);

        Assert.Equal(204, deleted);
        Assert.Equal(201, reopened);
    }

    [Fact]
    public async Task Another_tenant_can_neither_open_nor_end_the_interviews_conversation()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await Post(id, timeout.Token);

        var (create, createBody) = await VideoRoomsSystem.SendAsync(_system.Globex, HttpMethod.Post, $"api/interviews/{id}/tavus-conversation", null, timeout.Token);
        var (delete, deleteBody) = await VideoRoomsSystem.SendAsync(_system.Globex, HttpMethod.Delete, $"api/interviews/{id}/tavus-conversation", null, timeout.Token);

        Assert.Equal(404, create);
        Assert.Equal("interview_not_found", createBody.GetProperty("code").GetString());
        Assert.Equal(404, delete);
        Assert.Equal("interview_not_found", deleteBody.GetProperty("code").GetString());
        Assert.Single(CreatedFor(id));
        Assert.Equal("active", _system.Tavus.Conversations[opened.GetProperty("conversationId").GetString()!]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Erasing_the_interview_ends_its_conversation_so_it_is_no_longer_billed()
    {
        using var timeout = TestTimeout.Start();
        var id = await _system.CreateInterviewAsync(timeout.Token);
        var (_, opened) = await Post(id, timeout.Token);
        var conversationId = opened.GetProperty("conversationId").GetString()!;

        var (erased, _) = await VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Delete, $"api/interviews/{id}", null, timeout.Token);

        Assert.Equal(204, erased);
        Assert.Equal("ended", _system.Tavus.Conversations[conversationId]["status"]!.GetValue<string>());
        var (record, _) = await _system.Host.GetRequiredService<SyncHire.Gateway.VideoRooms.TavusConversationStore>().FindAsync(id, timeout.Token);
        Assert.Null(record);
    }

    private Task<(int Status, JsonElement Body)> Post(string id, CancellationToken cancellationToken) =>
        VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Post, $"api/interviews/{id}/tavus-conversation", null, cancellationToken);

    private Task<(int Status, JsonElement Body)> Delete(string id, CancellationToken cancellationToken) =>
        VideoRoomsSystem.SendAsync(_system.Acme, HttpMethod.Delete, $"api/interviews/{id}/tavus-conversation", null, cancellationToken);

    /// <summary>The ids of the conversations Tavus created for this interview, whatever their status.</summary>
    private IEnumerable<string> CreatedFor(string interviewId) =>
        _system.Tavus.Conversations.Where(c => c.Value["conversation_name"]!.GetValue<string>().Contains(interviewId, StringComparison.Ordinal))
            .Select(c => c.Key);
}
