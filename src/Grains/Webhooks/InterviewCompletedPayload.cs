using System.Text.Json;
using SyncHire.Grains.Interview;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// The body of interview.completed: everything a platform needs to file the interview without calling back —
/// who and what for, when and why it ended, the questions, the transcript and the report (null when the interview
/// ended before there was anything to evaluate), and the metadata the platform created it with.
/// </summary>
/// <param name="Questions">The interview's questions in order (question 1 is the first).</param>
public sealed record InterviewCompletedPayload(
    string Event,
    string InterviewId,
    string TenantId,
    CompletedCandidate Candidate,
    CompletedJob Job,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double DurationSeconds,
    string? EndReason,
    IReadOnlyList<string> Questions,
    IReadOnlyList<TranscriptEntry> Transcript,
    InterviewReportSnapshot? Report,
    IReadOnlyDictionary<string, string>? Metadata)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InterviewCompletedPayload From(string interviewId, string tenantId, InterviewState state)
    {
        var definition = state.Definition ?? throw new InvalidOperationException($"Interview {interviewId} has not been created.");
        var duration = state is { StartedAt: { } started, EndedAt: { } ended } ? Math.Round((ended - started).TotalSeconds, 3) : 0;
        return new InterviewCompletedPayload(
            WebhookEvents.InterviewCompleted,
            interviewId,
            tenantId,
            new CompletedCandidate(definition.CandidateName),
            new CompletedJob(definition.JobTitle, definition.SkillTopic, definition.Level.ToString().ToLowerInvariant()),
            state.StartedAt,
            state.EndedAt,
            duration,
            state.EndReason,
            state.Questions,
            TranscriptEntry.From(state.Transcript),
            state.Report,
            definition.Metadata);
    }

    /// <summary>camelCase JSON, as every API response.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record CompletedCandidate(string Name);

/// <param name="Level">beginner, intermediate or advanced.</param>
public sealed record CompletedJob(string? Title, string? SkillTopic, string Level);
