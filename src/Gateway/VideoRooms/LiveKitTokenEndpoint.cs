using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Integrations.LiveKit;
using SyncHire.Gateway.Tenants;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Gateway.VideoRooms;

internal static class LiveKitTokenEndpoint
{
    /// <summary>POST /api/interviews/{id}/livekit-token: signs a token for room interview-{id}; LiveKit is not called.</summary>
    public static async Task<Results<Ok<LiveKitTokenResponse>, ProblemHttpResult, ValidationProblem>> Issue(
        string id, LiveKitTokenRequest? request, TenantContext tenant, TenantInterviewAccess access, LiveKitTokenIssuer issuer,
        IOptions<LiveKitOptions> options)
    {
        if (!issuer.IsConfigured)
        {
            return VideoRoomProblems.NotConfigured("LiveKit", "LiveKit:ApiKey, LiveKit:ApiSecret and LiveKit:Url");
        }

        var participantName = request?.ParticipantName?.Trim();
        if (participantName is { Length: > InterviewLimits.MaxNameLength })
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["participantName"] = [$"At most {InterviewLimits.MaxNameLength} characters."],
            });
        }

        var interview = await access.FindAsync(tenant, id);
        if (interview is null)
        {
            return Problems.InterviewNotFound(id);
        }

        // One identity per interview: a second token (a reconnect, another device) replaces the first participant
        // instead of showing the candidate twice.
        var token = issuer.Issue(id, $"candidate-{id}",
            string.IsNullOrEmpty(participantName) ? interview.Definition.CandidateName : participantName);
        return TypedResults.Ok(new LiveKitTokenResponse(token.Token, options.Value.Url!, token.RoomName, token.Identity, token.ExpiresAt));
    }
}
