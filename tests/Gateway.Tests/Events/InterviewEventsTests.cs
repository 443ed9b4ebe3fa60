using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Events;

/// <summary>
/// GET /api/interviews/{id}/events across processes: two SyncHire processes over one database. The platform creates
/// the interview and reads its stream through the first; the candidate connects through the second, so the interview
/// moves there and the stream follows it across processes.
/// </summary>
public sealed class InterviewEventsTests : IAsyncLifetime
{
    private const string FirstQuestion = "How do you keep a message consumer idempotent?";
    private const string SecondQuestion = "How do you test code that talks to a database?";

    private CoHostedCluster _system = null!;
    private GatewayTestHost _gateway = null!;
    private GatewayTestHost _candidateGateway = null!;

    public async ValueTask InitializeAsync()
    {
        _system = await CoHostedCluster.StartAsync(processes: 2, new Dictionary<string, string?> { ["Events:KeepAliveInterval"] = "00:00:01" });
        _gateway = _system.Hosts[0];
        _candidateGateway = _system.Hosts[1];
    }

    public ValueTask DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task The_platform_follows_status_progress_and_transcript_live_until_interview_ended()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        using var http = _gateway.CreateClient();
        var created = await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler engineer", FirstQuestion, SecondQuestion);
        var id = created.GetProperty("id").GetString()!;

        await using var events = await ServerSentEvents.OpenAsync(http, $"api/interviews/{id}/events", ct);
        var opening = await events.NextAsync(ct);
        Assert.Equal("status", opening.Name);
        Assert.Equal("created", opening.Json.GetProperty("status").GetString());
        Assert.Equal(id, opening.Json.GetProperty("interviewId").GetString());

        // A quiet interview: the stream stays open with keep-alive comments.
        var quiet = await events.NextAsync(ct);
        Assert.Equal("keep-alive", quiet.Comment);

        await using var socket = await CandidateClient.ConnectAsync(_candidateGateway.CandidateSocketAddress(id, created.GetProperty("candidateToken").GetString()), ct);
        await socket.StartInterviewAsync(ct);
        var seen = new List<ServerSentEvent>();
        var started = await events.NextAsync("status", seen, ct);
        Assert.Equal("in_progress", started.Json.GetProperty("status").GetString());
        var firstProgress = await events.NextAsync("progress", seen, ct);
        Assert.Equal(1, firstProgress.Json.GetProperty("current").GetInt32());
        Assert.Equal(2, firstProgress.Json.GetProperty("total").GetInt32());
        Assert.Equal(FirstQuestion, firstProgress.Json.GetProperty("question").GetString());
        var asked = await events.NextAsync("transcript", seen, ct);
        Assert.Equal("interviewer", asked.Json.GetProperty("speaker").GetString());
        Assert.Contains(FirstQuestion, asked.Json.GetProperty("text").GetString());

        const string typed = "I record the ids of processed messages in the same transaction as the effects, so redeliveries do nothing.";
        await socket.SendJsonAsync(JsonSerializer.Serialize(new { type = "text_answer", text = typed }), ct);
        var answer = await events.NextAsync("transcript", seen, ct);
        Assert.Equal("candidate", answer.Json.GetProperty("speaker").GetString());
        Assert.Equal(typed, answer.Json.GetProperty("text").GetString());
        Assert.Equal(1, answer.Json.GetProperty("questionIndex").GetInt32());
        Assert.Equal(answer.Json.GetProperty("sequence").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Id);
        var secondProgress = await events.NextAsync("progress", seen, ct);
        Assert.Equal(SecondQuestion, secondProgress.Json.GetProperty("question").GetString());

        await socket.EndInterviewAsync(ct);
        var rest = await events.ReadToEndAsync(ct);
        var ended = Assert.Single(rest, e => e.Name == "interview_ended");
        Assert.Same(ended, rest.Last(e => e.Name is not null));
        Assert.Equal("candidate_ended", ended.Json.GetProperty("reason").GetString());
        Assert.Contains(rest, e => e.Name == "status" && e.Json.GetProperty("status").GetString() == "completed");

        // Every final turn went out once, in order, as the transcript the API returns.
        var streamed = seen.Concat(rest).Where(e => e.Name == "transcript").Select(e => e.Json.GetProperty("sequence").GetInt32()).ToList();
        var (_, interview) = await http.GetJsonAsync($"api/interviews/{id}", ct);
        Assert.Equal(interview.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("sequence").GetInt32()), streamed);
        Assert.Equal(streamed.Count, ended.Json.GetProperty("transcriptTurns").GetInt32());
    }

    [Fact]
    public async Task A_reconnecting_client_gets_only_what_came_after_its_last_event_id_and_an_ended_interview_closes_at_once()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        using var http = _gateway.CreateClient();
        var id = (await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler engineer", FirstQuestion, SecondQuestion)).GetProperty("id").GetString()!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetJsonAsync($"api/interviews/{id}/question", ct)).Status);
        using (var answered = await http.PostAsync($"api/interviews/{id}/answers",
            new StringContent("""{"answer":"Idempotency keys stored with the effects in one transaction."}""", System.Text.Encoding.UTF8, "application/json"), ct))
        {
            answered.EnsureSuccessStatusCode();
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.PostJsonAsync($"api/interviews/{id}/end", ct)).Status);

        await using var events = await ServerSentEvents.OpenAsync(http, $"api/interviews/{id}/events", ct, lastEventId: "2");
        var all = await events.ReadToEndAsync(ct);

        Assert.Equal(["status", "progress", "transcript", "interview_ended"], all.Select(e => e.Name));
        Assert.Equal("completed", all[0].Json.GetProperty("status").GetString());
        Assert.Equal(3, all[2].Json.GetProperty("sequence").GetInt32());
        Assert.Equal(SecondQuestion, all[2].Json.GetProperty("text").GetString());
        Assert.Equal("ended_by_platform", all[3].Json.GetProperty("reason").GetString());
    }
}
