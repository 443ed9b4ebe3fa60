using System.Net.Http.Json;
using System.Text.Json;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>What the server recorded about an interview (GET /api/interviews/{id}): the truth the page is checked against.</summary>
public sealed record InterviewRecord(string Id, string Status, string? EndReason, DateTimeOffset? ConsentGivenAt, InterviewRecordProgress Progress,
    IReadOnlyList<InterviewRecordTurn> Transcript)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<InterviewRecord> GetAsync(AppHost host, string id)
    {
        using var client = host.CreateClient();
        return (await client.GetFromJsonAsync<InterviewRecord>($"api/interviews/{id}", Json))!;
    }

    public IEnumerable<InterviewRecordTurn> CandidateTurns => Transcript.Where(t => t.Speaker == "candidate");
}

public sealed record InterviewRecordProgress(int Current, int Total);

public sealed record InterviewRecordTurn(string Speaker, string Text, int? QuestionIndex);
