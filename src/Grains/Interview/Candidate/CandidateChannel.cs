using Microsoft.Extensions.Logging;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Interview;

/// <summary>What the channel asks of the interview: handle a candidate's message as a turn, and learn that no one is connected.</summary>
internal interface ICandidateChannelEvents
{
    /// <summary>A parsed message from the connected candidate, inside a turn.</summary>
    Task OnMessageAsync(ClientMessage message);

    /// <summary>The connection was let go (closed, dropped, replaced by none), inside a turn.</summary>
    void OnReleased();
}

/// <summary>
/// The candidate's connection to the interview: attaching and releasing it, sending to it without waiting, reading
/// its frames, and the audio hot path. Candidate audio is most of an interview's traffic (50 frames a second) and
/// changes no state, so while the interview is live it goes from the socket relay straight to the provider session:
/// through the connection's audio shortcut on the relay's own thread (no copy, no queue hop, no turn), or, when
/// something queued before it is still being handled, through the frame reader. Everything else, and audio in any
/// other state (not started, reconnecting, a bad frame), runs as a turn. The shortcut is taken only when the queue
/// is empty and handled, so audio keeps its order relative to the commits and messages around it.
/// </summary>
/// <remarks>
/// Threads: everything here runs inside the activation's turns except <see cref="TryForwardAudioAsync"/> and the
/// frame reader loop, which run on the relay's or the reader's thread. Those read only <see cref="_route"/> (an
/// immutable record replaced whole inside turns with <see cref="Volatile.Write{T}(ref T, T)"/> and read with
/// <see cref="Volatile.Read{T}(ref readonly T)"/>, so a reader sees either the old route or the new one, never a
/// mix), the options, the logger and the usage meter (thread-safe, Interlocked); the reader hands everything else
/// to a turn through <see cref="ITurnRunner"/>. No lock is taken on the audio path.
/// </remarks>
internal sealed class CandidateChannel : ICandidateSender
{
    private static readonly ConnectionClose Replaced = new(4000, "replaced by a newer connection");

    private readonly string _interviewId;
    private readonly ITurnRunner _turns;
    private readonly ActivationKeepAlive _keepAlive;
    private readonly InterviewUsageMeter _usage;
    private readonly int _maxAudioFrameBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _sent;
    private ICandidateChannelEvents? _events;

    private ICandidateConnection? _connection;

    /// <summary>Held while a candidate is connected: a live conversation must never be collected as idle.</summary>
    private IDisposable? _connectionKeepAlive;

    /// <summary>The provider session the interview last allowed audio to go to (set inside turns).</summary>
    private AudioTarget? _target;

    /// <summary>Where live audio goes; null when it must take the turn path. Replaced whole inside turns, read outside.</summary>
    private AudioRoute? _route;

    private sealed record AudioRoute(ICandidateConnection Connection, AudioTarget Target);

    /// <param name="sent">Called for each event sent (watchers look again: the state behind the event is in place).</param>
    public CandidateChannel(string interviewId, ITurnRunner turns, ActivationKeepAlive keepAlive, InterviewUsageMeter usage,
        int maxAudioFrameBytes, TimeProvider time, ILogger logger, Action sent)
    {
        _interviewId = interviewId;
        _turns = turns;
        _keepAlive = keepAlive;
        _usage = usage;
        _maxAudioFrameBytes = maxAudioFrameBytes;
        _time = time;
        _logger = logger;
        _sent = sent;
    }

    public ICandidateChannelEvents Events
    {
        set => _events = value;
    }

    public bool IsConnected => _connection is not null;

    /// <summary>Makes <paramref name="connection"/> the candidate's, closing the one it replaces.</summary>
    public async Task AdoptAsync(ICandidateConnection connection)
    {
        if (_connection is { } previous)
        {
            InterviewLog.ConnectionReplaced(_logger, _interviewId);
            Release();
            await previous.CloseAsync(Replaced);
        }

        _connection = connection;
        PublishRoute();
        _connectionKeepAlive = _keepAlive.Hold();
    }

    /// <summary>
    /// Starts reading the adopted connection: frames are read outside the turn, each handled as its own turn, so a
    /// silent client never holds the grain; live audio skips even that queue.
    /// </summary>
    public void StartReading(ICandidateConnection connection)
    {
        connection.OpenAudioShortcut(pcm => TryForwardAudioAsync(connection, pcm));
        _ = Task.Run(() => ReadFramesAsync(connection));
    }

    /// <summary>Sets (or with null, withdraws) the provider session live audio goes to; called inside turns.</summary>
    public void RouteAudioTo(AudioTarget? target)
    {
        _target = target;
        PublishRoute();
    }

    /// <summary>
    /// Queues a frame for the candidate without waiting: a slow client must never stall the interview. A full or
    /// closed queue means the client is gone or cannot keep up, so the connection is dropped; the candidate can
    /// reconnect and resume.
    /// </summary>
    public void Send(ConnectionFrame frame)
    {
        _sent();
        if (_connection is not { } connection || connection.TrySend(frame))
        {
            return;
        }

        InterviewLog.CandidateConnectionDropped(_logger, _interviewId);
        Metrics.SyncHireMetrics.Error("candidate_too_slow");
        Release();
        _ = connection.CloseAsync(ConnectionClose.Lost("client too slow or gone")).AsTask();
    }

    /// <summary>
    /// Lets go of the connection and closes it with <paramref name="close"/>. With <paramref name="quietly"/> (the
    /// activation is going away) the interview is not told, so it arms no idle timer.
    /// </summary>
    public async Task CloseAsync(ConnectionClose close, bool quietly = false)
    {
        if (_connection is { } connection)
        {
            Release(quietly);
            await connection.CloseAsync(close);
        }
    }

    /// <summary>Forgets the current connection; the interview hears of it through <see cref="ICandidateChannelEvents.OnReleased"/>.</summary>
    public void Release(bool quietly = false)
    {
        _connection = null;
        PublishRoute();
        _connectionKeepAlive?.Dispose();
        _connectionKeepAlive = null;
        if (!quietly)
        {
            _events?.OnReleased();
        }
    }

    private void PublishRoute() =>
        Volatile.Write(ref _route, _connection is { } connection && _target is { } target ? new AudioRoute(connection, target) : null);

    /// <summary>Forwards a live audio frame outside the turn; false when the frame must take the turn path.</summary>
    private async ValueTask<bool> TryForwardAudioAsync(ICandidateConnection connection, ReadOnlyMemory<byte> pcm)
    {
        if (Volatile.Read(ref _route) is not { } route
            || route.Connection != connection
            || !ClientMessageParser.IsValidAudioFrame(pcm.Length, _maxAudioFrameBytes))
        {
            return false;
        }

        try
        {
            await route.Target.Session.SendAudioAsync(pcm, route.Target.Token);
            _usage.CountAudioIn(pcm.Length);
        }
        catch (Exception exception)
        {
            // The session was replaced, closed or broke while this frame was on its way: it is lost, as during a
            // reconnect. A broken session is the event pump's to notice (the conversation reconnects, to a backup when
            // a fallback is configured, or ends the interview); the candidate's connection is not at fault and stays open.
            InterviewLog.AudioFrameLost(_logger, _interviewId, exception.GetType().Name);
        }

        return true;
    }

    private async Task ReadFramesAsync(ICandidateConnection connection)
    {
        try
        {
            await foreach (var frame in connection.ReadAllAsync())
            {
                if (frame.Kind != FrameKind.Binary || !await TryForwardAudioAsync(connection, frame.Payload))
                {
                    await _turns.RunInTurnAsync(() => HandleFrameAsync(connection, frame));
                }
            }
        }
        catch (Exception exception)
        {
            // The activation went away or the transport failed; either way this connection is finished.
            InterviewLog.CandidateReadingStopped(_logger, exception, _interviewId);
        }

        try
        {
            await _turns.RunInTurnAsync(() => OnConnectionEndedAsync(connection));
        }
        catch (Exception exception)
        {
            InterviewLog.NothingToDetach(_logger, exception, _interviewId);
        }
    }

    private Task OnConnectionEndedAsync(ICandidateConnection connection)
    {
        if (connection == _connection)
        {
            InterviewLog.CandidateDisconnected(_logger, _interviewId);
            Release();
        }

        return Task.CompletedTask;
    }

    private async Task HandleFrameAsync(ICandidateConnection connection, ConnectionFrame frame)
    {
        if (connection != _connection || _events is not { } events)
        {
            return;
        }

        var parsed = frame.Kind == FrameKind.Binary
            ? ClientMessageParser.ParseBinary(frame.Payload, _maxAudioFrameBytes)
            : ClientMessageParser.ParseText(frame.Payload.Span, _maxAudioFrameBytes);
        if (parsed.Error is { } error)
        {
            this.SendError(error.Code, error.Message, _time.GetUtcNow());
            return;
        }

        try
        {
            await events.OnMessageAsync(parsed.Message!);
        }
        catch (Exception exception) when (exception is not Orleans.Storage.InconsistentStateException)
        {
            InterviewLog.CandidateMessageFailed(_logger, exception, _interviewId, parsed.Message!.GetType().Name);
            this.SendError(ErrorCodes.InternalError, "The server could not handle that message; please try again.", _time.GetUtcNow());
        }
    }
}
