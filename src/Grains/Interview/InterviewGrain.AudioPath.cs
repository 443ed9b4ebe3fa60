using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Providers;
using SyncHire.Grains.Candidates;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The hot path. Candidate audio is most of an interview's traffic (50 frames a second) and changes no grain state,
/// so while the interview is live it goes from the socket relay straight to the provider session: through the
/// connection's audio shortcut on the relay's own thread (no copy, no queue hop, no turn), or, when something queued
/// before it is still being handled, through the frame reader and then here. A turn per frame was the largest
/// per-frame cost, and frames queued behind turns that write to the database were the latency tail. Everything else,
/// and audio in any other state (not started, reconnecting, a bad frame), is queued and runs as a turn with the usual
/// answers. The shortcut is taken only when the queue is empty and handled, so audio keeps its order relative to the
/// commits and messages around it.
/// </summary>
/// <remarks>
/// This runs on the relay's or the reader's thread, not in a turn: it reads only <see cref="_audioRoute"/> (replaced
/// whole inside turns, read with a volatile read), the options and the thread-safe usage meter.
/// </remarks>
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
    private async ValueTask<bool> TryForwardAudioAsync(ICandidateConnection connection, ReadOnlyMemory<byte> pcm)
    {
        if (Volatile.Read(ref _audioRoute) is not { } route
            || route.Connection != connection
            || !ClientMessageParser.IsValidAudioFrame(pcm.Length, _options.MaxAudioFrameBytes))
        {
            return false;
        }

        try
        {
            await route.Session.SendAudioAsync(pcm, route.Token);
            _usage.CountAudioIn(pcm.Length);
        }
        catch (Exception exception)
        {
            // The session was replaced, closed or broke while this frame was on its way: it is lost, as during a
            // reconnect. A broken session is the event pump's to notice (it fails over or ends the interview); the
            // candidate's connection is not at fault and stays open.
            InterviewLog.AudioFrameLost(_logger, Id, exception.GetType().Name);
        }

        return true;
    }
}
