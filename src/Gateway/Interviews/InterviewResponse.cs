using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Gateway.Interviews;

/// <summary>An interview as GET /api/interviews/{id} returns it.</summary>
/// <param name="Status">created, in_progress or completed (as in the WebSocket protocol).</param>
/// <param name="Level">beginner, intermediate or advanced.</param>
/// <param name="ConsentGivenAt">When the candidate consented to the recording at start; null: not (yet) given.</param>
/// <param name="CvAttached">A CV was uploaded; the interviewer's prompt refers to it.</param>
/// <param name="CvCharacters">Characters of CV text in the interviewer's prompt; 0 without a CV.</param>
public sealed record InterviewResponse(
    string Id,
    string Status,
    string CandidateName,
    string? JobTitle,
    string? SkillTopic,
    string Level,
    int MaxDurationMinutes,
    string? Provider,
    string? Voice,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    InterviewProgress Progress,
    IReadOnlyList<string> Questions,
    IReadOnlyList<TranscriptTurnResponse> Transcript,
    string? Language,
    string? WebhookUrl,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset? ConsentGivenAt,
    bool CvAttached,
    int CvCharacters)
{
    public static InterviewResponse From(InterviewSnapshot snapshot)
    {
        var transcript = new TranscriptTurnResponse[snapshot.Transcript.Count];
        for (var i = 0; i < transcript.Length; i++)
        {
            transcript[i] = TranscriptTurnResponse.From(snapshot.Transcript[i]);
        }

        var definition = snapshot.Definition;
        return new InterviewResponse(
            snapshot.Id,
            ServerEvents.StatusName(snapshot.Status),
            definition.CandidateName,
            definition.JobTitle,
            definition.SkillTopic,
            definition.Level.ToString().ToLowerInvariant(),
            definition.MaxDurationMinutes,
            definition.Provider,
            definition.Voice,
            snapshot.CreatedAt,
            snapshot.StartedAt,
            snapshot.EndedAt,
            snapshot.EndReason,
            new InterviewProgress(snapshot.CurrentQuestionIndex + 1, snapshot.Questions.Count),
            snapshot.Questions,
            transcript,
            definition.Language,
            definition.WebhookUrl,
            definition.Metadata,
            snapshot.ConsentGivenAt,
            snapshot.CvCharacters > 0,
            snapshot.CvCharacters);
    }
}

/// <summary>Question progress: <see cref="Current"/> is 1-based ("question 2 of 5"), 0 before the first question.</summary>
public sealed record InterviewProgress(int Current, int Total);

/// <summary>
/// One completed utterance. Offsets are milliseconds since the interview started; <see cref="QuestionIndex"/> is
/// 1-based like every question index on the wire.
/// </summary>
public sealed record TranscriptTurnResponse(int Sequence, string Speaker, string Text, long StartMs, long EndMs, int? QuestionIndex)
{
    public static TranscriptTurnResponse From(TranscriptTurn turn) =>
        new(turn.Sequence, turn.Speaker, turn.Text, turn.StartMs, turn.EndMs, turn.QuestionIndex + 1);
}
