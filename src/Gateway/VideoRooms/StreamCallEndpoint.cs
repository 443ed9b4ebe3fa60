using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Integrations;
using SyncHire.Gateway.Integrations.StreamVideo;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.VideoRooms;

internal static class StreamCallEndpoint
{
    /// <summary>The role the candidate gets in the call (as in the product document: the candidate hosts).</summary>
    private const string CandidateRole = "host";

    private const string InterviewerRole = "call_member";

    /// <summary>
    /// POST /api/interviews/{id}/stream-call: makes sure the candidate and the AI interviewer exist as Stream users,
    /// gets or creates call {type}:{interview id} with both as members, and returns a user token for the candidate.
    /// Repeating it is safe: it returns the same call with a fresh token.
    /// </summary>
    public static async Task<Results<Ok<StreamCallResponse>, ProblemHttpResult>> Create(
        string id, TenantContext tenant, TenantInterviewAccess access, IStreamVideoApi stream, IOptions<StreamVideoOptions> options,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return VideoRoomProblems.NotConfigured("Stream Video", "Stream:ApiKey and Stream:ApiSecret");
        }

        var interview = await access.FindAsync(tenant, id);
        if (interview is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var candidateUserId = $"candidate-{id}";
        var interviewerUserId = settings.InterviewerUserId;
        GetOrCreateCallResponse call;
        try
        {
            await stream.UpsertUsersAsync(new UpsertUsersRequest(new Dictionary<string, StreamUser>
            {
                [candidateUserId] = new(candidateUserId, interview.Definition.CandidateName, "user"),
                [interviewerUserId] = new(interviewerUserId, settings.InterviewerName, "user"),
            }), cancellationToken);
            call = await stream.GetOrCreateCallAsync(settings.CallType, id, new GetOrCreateCallRequest(new CallRequest(
                CreatedById: interviewerUserId,
                Members: [new CallMember(candidateUserId, CandidateRole), new CallMember(interviewerUserId, InterviewerRole)],
                Custom: new Dictionary<string, string> { ["interview_id"] = id })), cancellationToken);
        }
        catch (IntegrationException failure)
        {
            loggers.CreateLogger(typeof(StreamCallEndpoint)).LogWarning(
                "Stream call for interview {InterviewId} failed: {Failure}", id, failure.Message);
            return VideoRoomProblems.UpstreamFailed(failure);
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = issuedAt + settings.CandidateTokenLifetime;
        var token = StreamVideoTokens.User(settings.ApiSecret!, candidateUserId, issuedAt, expiresAt);
        return TypedResults.Ok(new StreamCallResponse(call.Call.Id, call.Call.Type, settings.ApiKey!, candidateUserId, token,
            expiresAt, interviewerUserId));
    }
}
