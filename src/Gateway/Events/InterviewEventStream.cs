using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Events;
using SyncHire.Grains.Interfaces.Protocol;
using Orleans;

namespace SyncHire.Gateway.Events;

/// <summary>
/// Streams one interview's status, progress and final transcript to a platform as Server-Sent Events until the
/// interview ends. It follows the interview by watching its grain (<see cref="IInterviewGrain.WatchChanges"/>), a
/// call routed like any other, so it works from every gateway to whichever silo hosts the interview, and carries
/// on when the interview moves. A client that reconnects with Last-Event-ID gets only the turns after that one.
/// </summary>
public sealed class InterviewEventStream(
    IGrainFactory grains, IOptions<InterviewEventsOptions> options, IOptions<JsonOptions> json, ILogger<InterviewEventStream> logger)
{
    public async Task RunAsync(HttpContext context, InterviewSnapshot snapshot)
    {
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass events on as they come
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var writer = new ServerSentEventWriter(response, json.Value.SerializerOptions);

        var seen = ResumeAfter(context.Request);
        var opening = new InterviewWatch(snapshot.Status, snapshot.CurrentQuestionIndex, snapshot.Questions.Count,
            snapshot.CurrentQuestionIndex >= 0 ? snapshot.Questions[snapshot.CurrentQuestionIndex] : null,
            [.. snapshot.Transcript.Where(t => t.Sequence > seen)], Math.Max(seen, snapshot.Transcript.Count > 0 ? snapshot.Transcript[^1].Sequence : 0),
            snapshot.EndReason, snapshot.EndedAt);
        try
        {
            // The opening events say where the interview stands, whatever the client saw before.
            var cursor = await WriteAsync(writer, snapshot, opening, previous: null, cancellationToken);
            var grain = grains.GetGrain<IInterviewGrain>(snapshot.Id);
            var failures = 0;
            while (cursor is not null)
            {
                InterviewWatch? watch;
                try
                {
                    watch = await grain.WatchChanges(cursor, options.Value.KeepAliveInterval).WaitAsync(cancellationToken);
                    failures = 0;
                }
                catch (Exception exception) when (exception is not OperationCanceledException && ++failures < options.Value.MaxConsecutiveFailures)
                {
                    logger.LogInformation("Events of interview {InterviewId}: watching failed ({Message}); trying again", snapshot.Id, exception.Message);
                    continue;
                }

                if (watch is null)
                {
                    return; // Erased while watched.
                }

                if (watch.Cursor == cursor)
                {
                    await writer.WriteCommentAsync("keep-alive", cancellationToken);
                    continue;
                }

                cursor = await WriteAsync(writer, snapshot, watch, cursor, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The platform went away.
        }
    }

    /// <summary>Writes what changed since <paramref name="previous"/>; returns the new cursor, or null once the interview has ended.</summary>
    private static async Task<InterviewWatchCursor?> WriteAsync(
        ServerSentEventWriter writer, InterviewSnapshot snapshot, InterviewWatch watch, InterviewWatchCursor? previous, CancellationToken cancellationToken)
    {
        if (previous is null || watch.Status != previous.Status)
        {
            await writer.WriteEventAsync(InterviewEventNames.Status,
                new StatusEvent(snapshot.Id, ServerEvents.StatusName(watch.Status)),
                id: null, cancellationToken);
        }

        if (watch.CurrentQuestionIndex >= 0 && (previous is null || watch.CurrentQuestionIndex != previous.CurrentQuestionIndex))
        {
            await writer.WriteEventAsync(InterviewEventNames.Progress,
                new ProgressEvent(watch.CurrentQuestionIndex + 1, watch.QuestionCount, watch.CurrentQuestion), id: null, cancellationToken);
        }

        foreach (var turn in watch.NewTurns)
        {
            await writer.WriteEventAsync(InterviewEventNames.Transcript,
                new TranscriptEvent(turn.Sequence, turn.Speaker, turn.Text, turn.StartMs, turn.EndMs, turn.QuestionIndex + 1),
                id: turn.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        if (watch.Status == InterviewStatus.Completed)
        {
            await writer.WriteEventAsync(InterviewEventNames.InterviewEnded,
                new InterviewEndedEvent(watch.EndReason ?? EndReasons.Completed, watch.EndedAt, watch.LastSequence), id: null, cancellationToken);
            return null;
        }

        return watch.Cursor;
    }

    /// <summary>The transcript sequence a reconnecting EventSource last received (Last-Event-ID), or 0.</summary>
    private static int ResumeAfter(HttpRequest request) =>
        int.TryParse(request.Headers["Last-Event-ID"].ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
}
