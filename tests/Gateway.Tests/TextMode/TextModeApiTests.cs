using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.TextMode;

/// <summary>Text Q&amp;A mode over REST (seeds/001), and typed answers on the socket of an audio interview.</summary>
public sealed class TextModeApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string FirstQuestion = "How do you keep a message consumer idempotent?";
    private const string SecondQuestion = "How do you test code that talks to a database?";

    [Fact]
    public async Task A_typed_interview_runs_question_by_question_to_completion()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(timeout.Token, questions: [FirstQuestion, SecondQuestion])).GetProperty("id").GetString()!;

        var (status, question) = await http.GetJsonAsync($"api/interviews/{id}/question", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(FirstQuestion, question.GetProperty("question").GetString());
        Assert.Equal("question 1 of 2", question.GetProperty("progress").GetProperty("label").GetString());
        Assert.False(question.GetProperty("completed").GetBoolean());

        var first = await AnswerAsync(http, id,
            "Each message carries an id and the consumer records processed ids in the same transaction as its effects, " +
            "so a redelivered message is skipped; for example our payment consumer survived 3 broker failovers without double charges.",
            timeout.Token);
        Assert.InRange(first.GetProperty("score").GetInt32(), 1, 10);
        Assert.NotEmpty(first.GetProperty("feedback").EnumerateArray());
        Assert.Equal(SecondQuestion, first.GetProperty("nextQuestion").GetString());
        Assert.Equal(2, first.GetProperty("progress").GetProperty("current").GetInt32());
        Assert.Equal(2, first.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal("question 2 of 2", first.GetProperty("progress").GetProperty("label").GetString());
        Assert.False(first.GetProperty("completed").GetBoolean());

        var vague = await AnswerAsync(http, id, "I test it.", timeout.Token);
        Assert.True(vague.GetProperty("completed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, vague.GetProperty("nextQuestion").ValueKind);
        Assert.Equal("question 2 of 2", vague.GetProperty("progress").GetProperty("label").GetString());
        Assert.True(vague.GetProperty("score").GetInt32() < first.GetProperty("score").GetInt32());

        var (_, interview) = await http.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal("completed", interview.GetProperty("status").GetString());
        Assert.Equal("completed", interview.GetProperty("endReason").GetString());
        var turns = interview.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(["interviewer", "candidate", "interviewer", "candidate"], turns.Select(t => t.GetProperty("speaker").GetString()));
        Assert.Equal([FirstQuestion, SecondQuestion], new[] { turns[0], turns[2] }.Select(t => t.GetProperty("text").GetString()));
        Assert.Equal("I test it.", turns[3].GetProperty("text").GetString());
        Assert.Equal([1, 1, 2, 2], turns.Select(t => t.GetProperty("questionIndex").GetInt32()));

        using var late = await http.PostAsJsonAsync($"api/interviews/{id}/answers", new { answer = "One more thing." }, timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("interview_ended", (await late.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("code").GetString());
        var (_, done) = await http.GetJsonAsync($"api/interviews/{id}/question", timeout.Token);
        Assert.True(done.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task An_empty_answer_is_a_validation_error_and_an_unknown_interview_404()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(timeout.Token, questions: [FirstQuestion])).GetProperty("id").GetString()!;

        using var empty = await http.PostAsJsonAsync($"api/interviews/{id}/answers", new { answer = "  " }, timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("answer", out _));

        using var unknown = await http.PostAsJsonAsync("api/interviews/not-there/answers", new { answer = "Hello there." }, timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("interview_not_found", (await unknown.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("code").GetString());

        var (_, interview) = await http.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal("created", interview.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_audio_interview_takes_typed_answers_on_its_socket_and_refuses_them_over_rest()
    {
        using var timeout = TestTimeout.Start();
        var ct = timeout.Token;
        using var http = fixture.Host.CreateClient();
        var created = await http.CreateInterviewAsync(ct, questions: [FirstQuestion, SecondQuestion]);
        var id = created.GetProperty("id").GetString()!;
        await using var socket = await CandidateClient.ConnectAsync(
            fixture.Host.CandidateSocketAddress(id, created.GetProperty("candidateToken").GetString()), ct);
        await socket.StartInterviewAsync(ct);
        await socket.WaitForAsync("ai_response_complete", ct);

        const string typed = "I store the ids of processed messages with the side effects in one transaction, so a redelivery is a no-op.";
        await socket.SendJsonAsync(JsonSerializer.Serialize(new { type = "text_answer", text = typed }), ct);

        var heard = await socket.WaitForAsync("transcript", ct);
        while (!(heard.GetProperty("speaker").GetString() == "candidate" && heard.GetProperty("final").GetBoolean()))
        {
            heard = await socket.WaitForAsync("transcript", ct);
        }

        Assert.Equal(typed, heard.GetProperty("text").GetString());
        var progress = await socket.WaitForAsync("question_progress", ct);
        Assert.Equal(2, progress.GetProperty("index").GetInt32());
        Assert.Equal(SecondQuestion, progress.GetProperty("question").GetString());

        using var refused = await http.PostAsJsonAsync($"api/interviews/{id}/answers", new { answer = typed }, ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("interview_running_over_audio", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
    }

    private static async Task<JsonElement> AnswerAsync(HttpClient http, string id, string answer, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/interviews/{id}/answers", new { answer }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
