using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Providers;
using SyncHire.Grains.Candidates;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The hot path. Candidate audio is most of an interview's traffic (50 frames a second) and changes no grain state,
/// so while the interview is live it goes from the connection straight to the provider session without waiting
/// for a turn; a turn per frame was the largest per-frame cost, and frames queued behind turns that write to the
/// database were the latency tail. Everything else, and audio in any other state (not started, reconnecting, a
/// bad frame), still runs as a turn and gets the usual answers. Frames of one connection are read by one loop, so
/// audio keeps its order relative to the commits and messages that follow it.
/// </summary>
public sealed partial class InterviewGrain
{
    /// <summary>Where live audio goes; null when it must take the turn path. Replaced whole inside turns.</summary>
    private AudioRoute? _audioRoute;

    private sealed record AudioRoute(ICandidateConnection Connection, IRealtimeSession Session, CancellationToken Token);

    /// <summary>Called inside turns whenever the connection, the provider session or the status changes.</summary>
    private void RefreshAudioRoute() =>
        Volatile.Write(ref _audioRoute,
            State.Status == InterviewStatus.InProgress && _connection is { } connection && _session is { } session && !IsReconnecting
                ? new AudioRoute(connection, session, SessionToken)
                : null);

    /// <summary>Forwards a live audio frame outside the turn; false when the frame must take the turn path.</summary>
    private async ValueTask<bool> TryForwardAudioAsync(ICandidateConnection connection, ConnectionFrame frame)
    {
        if (frame.Kind != FrameKind.Binary
            || Volatile.Read(ref _audioRoute) is not { } route
            || route.Connection != connection
            || !ClientMessageParser.IsValidAudioFrame(frame.Payload.Length, _options.MaxAudioFrameBytes))
        {
            return false;
        }

        try
        {
            await route.Session.SendAudioAsync(frame.Payload, route.Token);
            _usage.CountAudioIn(frame.Payload.Length);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or OperationCanceledException)
        {
            // The session was replaced or closed while this frame was on its way: it is lost, as during a reconnect.
            _logger.LogDebug("Interview {InterviewId}: an audio frame arrived as the provider session closed", Id);
        }

        return true;
    }
}
