using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Integrations.Tavus;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tokens;
using SyncHire.Grains.Interfaces;
using Orleans;

namespace SyncHire.Gateway.VideoRooms;

/// <summary>
/// GET /api/interviews/{id}/avatar, for the candidate's room page: the interview's open Tavus conversation, so the
/// page can join its Daily room and make the replica speak the interviewer's audio (echo mode). Tavus takes echo
/// audio only as app messages from a participant of that room — it has no REST call for it, and Daily's REST
/// app-message needs the room owner's (Tavus's) key — so the candidate's browser, already receiving that audio, is
/// the participant that relays it.
/// </summary>
internal static class CandidateAvatarEndpoint
{
    public const string TavusProvider = "tavus";

    /// <summary>
    /// Authenticated by the candidate token of this interview (not an API key: the candidate holds none), so a token
    /// for another interview learns nothing (403), and interviews of other tenants are out of reach by construction.
    /// 204 when the interview has no avatar: none opened, or Tavus is not configured here. That is the common case
    /// for every room, so it is an empty success rather than an error the page would have to tell apart.
    /// </summary>
    public static async Task<Results<Ok<CandidateAvatarResponse>, NoContent, ProblemHttpResult>> Get(
        string id, HttpRequest request, CandidateTokenService tokens, IGrainFactory grains, TavusConversationStore store,
        IOptions<TavusOptions> options, CancellationToken cancellationToken)
    {
        // The token first: without a valid one the caller learns nothing, not even whether the interview exists.
        var check = await tokens.CheckAsync(PresentedCandidateToken.Read(request), id);
        if (CandidateTokenProblems.Refusal(check, PresentedCandidateToken.HowToPresent) is { } refused)
        {
            return refused;
        }

        if (!InterviewId.IsWellFormed(id) || await grains.GetGrain<IInterviewGrain>(id).GetSnapshot() is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return TypedResults.NoContent();
        }

        var (conversation, _) = await store.FindAsync(id, cancellationToken);
        return conversation is null
            ? TypedResults.NoContent()
            : TypedResults.Ok(new CandidateAvatarResponse(TavusProvider, conversation.ConversationId, conversation.ConversationUrl,
                settings.DailyJsUrl.AbsoluteUri));
    }
}
