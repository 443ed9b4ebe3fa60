using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Integrations;
using SyncHire.Gateway.Integrations.Tavus;
using SyncHire.Gateway.Tenants;

namespace SyncHire.Gateway.VideoRooms;

internal static class TavusConversationEndpoints
{
    /// <summary>Tavus refuses conversations longer than an hour; interviews are capped at an hour too.</summary>
    private const int MaxCallDurationSeconds = 3600;

    /// <summary>
    /// POST /api/interviews/{id}/tavus-conversation: opens the interview's avatar conversation (201), or returns the
    /// one already open (200) — a conversation is billed while it runs, so a retry never opens a second one.
    /// </summary>
    public static async Task<Results<Created<TavusConversationResponse>, Ok<TavusConversationResponse>, ProblemHttpResult>> Create(
        string id, TenantContext tenant, TenantInterviewAccess access, ITavusApi tavus, TavusConversationStore store,
        IOptions<TavusOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return VideoRoomProblems.NotConfigured("Tavus", "Tavus:ApiKey and Tavus:ReplicaId (or Tavus:PersonaId)");
        }

        var interview = await access.FindAsync(tenant, id);
        if (interview is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var (existing, _) = await store.FindAsync(id, cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Ok(ToResponse(existing));
        }

        var logger = loggers.CreateLogger(typeof(TavusConversationEndpoints));
        ConversationResponse created;
        try
        {
            created = await tavus.CreateConversationAsync(new CreateConversationRequest(
                NullIfEmpty(settings.ReplicaId), NullIfEmpty(settings.PersonaId), $"SyncHire interview {id}",
                new ConversationProperties(
                    Math.Min(interview.Definition.MaxDurationMinutes * 60, MaxCallDurationSeconds),
                    settings.ParticipantLeftTimeoutSeconds,
                    settings.ParticipantAbsentTimeoutSeconds)), cancellationToken);
        }
        catch (IntegrationException failure)
        {
            logger.LogWarning("Tavus conversation for interview {InterviewId} failed: {Failure}", id, failure.Message);
            return VideoRoomProblems.UpstreamFailed(failure);
        }

        var record = new TavusConversationRecord(created.ConversationId, created.ConversationUrl, time.GetUtcNow());
        if (await store.TryAddAsync(id, record, cancellationToken))
        {
            return TypedResults.Created($"/api/interviews/{id}/tavus-conversation", ToResponse(record));
        }

        // A concurrent request recorded its conversation first: close ours so only one is billed, answer with theirs.
        await TryEndAsync(tavus, created.ConversationId, logger, id);
        var (winner, _) = await store.FindAsync(id, cancellationToken);
        return winner is not null
            ? TypedResults.Ok(ToResponse(winner))
            : Problems.Of(StatusCodes.Status409Conflict, ApiErrorCodes.TavusConversationConflict, "The conversation changed concurrently",
                "Another request opened and closed this interview's Tavus conversation meanwhile; retry.");
    }

    /// <summary>DELETE /api/interviews/{id}/tavus-conversation: ends the open conversation (204).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> End(
        string id, TenantContext tenant, TenantInterviewAccess access, ITavusApi tavus, TavusConversationStore store,
        IOptions<TavusOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return VideoRoomProblems.NotConfigured("Tavus", "Tavus:ApiKey and Tavus:ReplicaId (or Tavus:PersonaId)");
        }

        if (await access.FindAsync(tenant, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        var (record, eTag) = await store.FindAsync(id, cancellationToken);
        if (record is null)
        {
            return VideoRoomProblems.NoTavusConversation(id);
        }

        try
        {
            await tavus.EndConversationAsync(record.ConversationId, cancellationToken);
        }
        catch (IntegrationException failure) when (IsAlreadyGone(failure))
        {
            // Nothing left to end at Tavus; forgetting it below is all that remains.
        }
        catch (IntegrationException failure)
        {
            // Kept on record so a retry can still end it.
            loggers.CreateLogger(typeof(TavusConversationEndpoints)).LogWarning(
                "Ending Tavus conversation for interview {InterviewId} failed: {Failure}", id, failure.Message);
            return VideoRoomProblems.UpstreamFailed(failure);
        }

        await store.TryRemoveAsync(id, eTag, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task TryEndAsync(ITavusApi tavus, string conversationId, ILogger logger, string interviewId)
    {
        try
        {
            await tavus.EndConversationAsync(conversationId, CancellationToken.None);
        }
        catch (IntegrationException failure)
        {
            logger.LogWarning("Closing a duplicate Tavus conversation for interview {InterviewId} failed: {Failure}",
                interviewId, failure.Message);
        }
    }

    /// <summary>
    /// Tavus answers 400 "Invalid conversation_id" (or 404) for a conversation it no longer has — it ended at its
    /// time limit or when everyone left — so there is nothing left to end. 401/403 and 5xx are real failures.
    /// </summary>
    private static bool IsAlreadyGone(IntegrationException failure) =>
        failure.UpstreamStatus is StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound or StatusCodes.Status410Gone;

    private static TavusConversationResponse ToResponse(TavusConversationRecord record) =>
        new(record.ConversationId, record.ConversationUrl, record.CreatedAt);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
