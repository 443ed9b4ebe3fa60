using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>A platform creates an interview over REST and a candidate takes it over the WebSocket, start to end.</summary>
internal static class CompletedInterview
{
    /// <summary>Half a second of 16 kHz PCM16 per frame, well under the largest frame the server accepts.</summary>
    private const int SilenceFrameBytes = 16_000;

    public const string Answer = "I designed a billing pipeline on Kafka with idempotent consumers and replayable events.";

    public static async Task<string> CreateAsync(HttpClient client, CancellationToken cancellationToken, string? webhookUrl = null)
    {
        using var response = await client.PostAsJsonAsync("api/interviews", new
        {
            candidateName = "Ada Lovelace",
            jobTitle = "Backend engineer",
            skillTopic = "Event-driven systems",
            level = "advanced",
            questions = new[] { "Tell me about a system you designed.", "How do you test it?" },
            webhookUrl,
            metadata = new Dictionary<string, string> { ["candidateRef"] = "cand-42" },
        }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// The candidate starts, streams <paramref name="silenceBytes"/> of silent PCM16 (16 kHz), types one answer, and
    /// ends the interview.
    /// </summary>
    public static async Task TakeAsync(GatewayTestHost host, HttpClient client, string id, CancellationToken cancellationToken, int silenceBytes = 0)
    {
        var (_, token) = await client.PostJsonAsync($"api/interviews/{id}/token", cancellationToken);
        await using var socket = await CandidateClient.ConnectAsync(
            host.CandidateSocketAddress(id, token.GetProperty("candidateToken").GetString()), cancellationToken);
        await socket.SendJsonAsync("""{"type":"start_interview","consent":true}""", cancellationToken);
        await socket.WaitForAsync("ai_response_complete", cancellationToken);
        for (var sent = 0; sent < silenceBytes; sent += SilenceFrameBytes)
        {
            await socket.SendAudioAsync(new byte[Math.Min(SilenceFrameBytes, silenceBytes - sent)], cancellationToken);
        }

        await socket.SendJsonAsync(JsonSerializer.Serialize(new { type = "text_answer", text = Answer }), cancellationToken);
        await socket.WaitForAsync("ai_response_complete", cancellationToken);
        await socket.EndInterviewAsync(cancellationToken);
        Assert.Equal("candidate_ended", (await socket.WaitForAsync("interview_ended", cancellationToken)).GetProperty("reason").GetString());
    }

    /// <summary>Asks for the report until it is written (202 while pending), and returns the 200 body.</summary>
    public static async Task<JsonElement> ReportAsync(HttpClient client, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (status, body) = await client.GetJsonAsync($"api/interviews/{id}/report", cancellationToken);
            if (status == HttpStatusCode.OK)
            {
                return body;
            }

            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal("pending", body.GetProperty("status").GetString());
            await Task.Delay(50, cancellationToken); // Polling interval; the token bounds the wait.
        }
    }
}
