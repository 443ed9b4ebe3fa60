using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Providers;
using Orleans.Runtime.Placement;
using SyncHire.Grains.Candidates;

namespace SyncHire.Grains.Interview;

/// <summary>The candidate's side: the connection, the client protocol and what each client message does.</summary>
public sealed partial class InterviewGrain
{
    private static readonly ConnectionClose Replaced = new(4000, "replaced by a newer connection");
    private static readonly ConnectionClose NotFound = new(4404, "interview not found");

    private ICandidateConnection? _connection;

    /// <summary>Held while a candidate is connected: a live conversation must never be collected as idle.</summary>
    private IDisposable? _connectionKeepAlive;

    public async Task<CandidateAttachResult> AttachCandidate(string connectionId, SiloAddress gatewaySilo)
    {
        if (_parkedConnections.Take(connectionId) is not { } connection)
        {
            // The connection lives in the gateway's process, and this activation does not: move there. Calls that
            // arrive meanwhile (the gateway's next attach) are forwarded to the moved activation.
            InterviewLog.MigratingToCandidateSilo(_logger, Id, gatewaySilo);
            RequestContext.Set(IPlacementDirector.PlacementHintKey, gatewaySilo);
            MigrateOnIdle();
            return CandidateAttachResult.Moving;
        }

        await OnConnectedAsync(connection);
        return State.Exists ? CandidateAttachResult.Attached : CandidateAttachResult.NotCreated;
    }

    private async Task OnConnectedAsync(ICandidateConnection connection)
    {
        if (!State.Exists)
        {
            connection.TrySend(ConnectionFrame.Text(ServerEvents.Error(ErrorCodes.InternalError, $"Interview {Id} does not exist.", Time.GetUtcNow())));
            await connection.CloseAsync(NotFound);
            return;
        }

        if (_connection is { } previous)
        {
            InterviewLog.ConnectionReplaced(_logger, Id);
            ReleaseConnection();
            await previous.CloseAsync(Replaced);
        }

        _connection = connection;
        RefreshAudioRoute();
        _connectionKeepAlive = KeepAlive();
        StopIdleTimer();

        var now = Time.GetUtcNow();
        Send(ServerEvents.SessionReady(Id, State.Status, State.CurrentQuestionIndex + 1, State.Questions.Count,
            Definition.MaxDurationMinutes * 60, State.StartedAt, now));

        switch (State.Status)
        {
            case InterviewStatus.Completed:
                Send(ServerEvents.InterviewEnded(State.EndReason ?? EndReasons.Completed, State.Transcript.Count, now));
                ReleaseConnection();
                await connection.CloseAsync(new ConnectionClose(1000, "interview already ended"));
                return;
            case InterviewStatus.InProgress:
                Send(ServerEvents.Resumed(State.Status, State.CurrentQuestionIndex + 1, State.Questions.Count,
                    (now - State.StartedAt!.Value).TotalSeconds, State.Transcript, now));
                await EnsureProviderSessionAsync();
                break;
        }

        // Frames are read outside the turn, each handled as its own turn: a silent client never holds the grain.
        // Live audio skips even that queue (InterviewGrain.AudioPath.cs).
        connection.OpenAudioShortcut(pcm => TryForwardAudioAsync(connection, pcm));
        _ = Task.Run(() => ReadFramesAsync(connection));
    }

    private async Task ReadFramesAsync(ICandidateConnection connection)
    {
        try
        {
            await foreach (var frame in connection.ReadAllAsync())
            {
                if (frame.Kind != FrameKind.Binary || !await TryForwardAudioAsync(connection, frame.Payload))
                {
                    await RunInTurnAsync(() => HandleFrameAsync(connection, frame));
                }
            }
        }
        catch (Exception exception)
        {
            // The activation went away or the transport failed; either way this connection is finished.
            InterviewLog.CandidateReadingStopped(_logger, exception, Id);
        }

        try
        {
            await RunInTurnAsync(() => OnConnectionEndedAsync(connection));
        }
        catch (Exception exception)
        {
            InterviewLog.NothingToDetach(_logger, exception, Id);
        }
    }

    private Task OnConnectionEndedAsync(ICandidateConnection connection)
    {
        if (connection == _connection)
        {
            InterviewLog.CandidateDisconnected(_logger, Id);
            ReleaseConnection();
        }

        return Task.CompletedTask;
    }

    private async Task HandleFrameAsync(ICandidateConnection connection, ConnectionFrame frame)
    {
        if (connection != _connection)
        {
            return;
        }

        var parsed = frame.Kind == FrameKind.Binary
            ? ClientMessageParser.ParseBinary(frame.Payload, _options.MaxAudioFrameBytes)
            : ClientMessageParser.ParseText(frame.Payload.Span, _options.MaxAudioFrameBytes);
        if (parsed.Error is { } error)
        {
            SendError(error.Code, error.Message);
            return;
        }

        try
        {
            await HandleMessageAsync(parsed.Message!);
        }
        catch (Exception exception) when (exception is not Orleans.Storage.InconsistentStateException)
        {
            InterviewLog.CandidateMessageFailed(_logger, exception, Id, parsed.Message!.GetType().Name);
            SendError(ErrorCodes.InternalError, "The server could not handle that message; please try again.");
        }
    }

    private async Task HandleMessageAsync(ClientMessage message)
    {
        switch (message)
        {
            case ClientMessage.Ping:
                Send(ServerEvents.Pong(Time.GetUtcNow()));
                break;
            case ClientMessage.StartInterview start:
                await StartAsync(start.Consent);
                break;
            case ClientMessage.EndInterview when State.Status == InterviewStatus.Completed:
                SendError(ErrorCodes.InterviewEnded, "The interview has already ended.");
                break;
            case ClientMessage.EndInterview:
                await EndAsync(EndReasons.CandidateEnded);
                break;
            case ClientMessage.AudioChunk or ClientMessage.CommitTurn when IsTypedInterviewRunning:
                SendError(ErrorCodes.TextModeOnly, "This interview runs as typed questions and answers: send text_answer.");
                break;
            case ClientMessage.TextAnswer answer when IsTypedInterviewRunning:
                await AnswerTypedOverSocketAsync(answer.Text);
                break;
            case ClientMessage.AudioChunk when IsReconnecting:
                // Speech while the interviewer reconnects is dropped quietly: the candidate has been told, and an
                // error per 20 ms frame would bury the notice.
                break;
            case ClientMessage.AudioChunk audio when RequireLiveSession() is { } session:
                await session.SendAudioAsync(audio.Pcm16, SessionToken);
                _usage.CountAudioIn(audio.Pcm16.Length);
                break;
            case ClientMessage.CommitTurn when RequireLiveSession() is { } session:
                await session.CommitTurnAsync(SessionToken);
                break;
            case ClientMessage.TextAnswer answer when RequireLiveSession() is { } session:
                await session.SendTextAsync(answer.Text, SessionToken);
                break;
        }
    }

    private async Task StartAsync(bool consent)
    {
        switch (State.Status)
        {
            case InterviewStatus.Created when !consent && _options.RequireConsent:
                SendError(ErrorCodes.ConsentRequired, "The candidate must agree to the recording: send start_interview with \"consent\": true.");
                break;
            case InterviewStatus.Created:
                // Recorded with the start itself (BeginInterviewAsync writes the state): the consent and the
                // recording it covers are persisted together.
                State = State with { ConsentGivenAt = consent ? Time.GetUtcNow() : null };
                await BeginInterviewAsync();
                break;
            case InterviewStatus.InProgress:
                // A client that reconnected says start again: it resumes, nothing restarts.
                await EnsureProviderSessionAsync();
                break;
            default:
                SendError(ErrorCodes.InterviewEnded, "The interview has already ended.");
                break;
        }
    }

    /// <summary>The provider session if the interview is live; otherwise tells the candidate why not and returns null.</summary>
    private IRealtimeSession? RequireLiveSession()
    {
        switch (State.Status)
        {
            case InterviewStatus.Created:
                SendError(ErrorCodes.NotStarted, "Send start_interview before audio, send_for_AI_processing or text_answer.");
                return null;
            case InterviewStatus.Completed:
                SendError(ErrorCodes.InterviewEnded, "The interview has already ended.");
                return null;
        }

        if (_session is null)
        {
            SendError(ErrorCodes.InternalError, IsReconnecting
                ? "The interviewer is reconnecting; please say that again in a moment."
                : "The interviewer is not connected yet; please try again in a moment.");
        }

        return _session;
    }

    private void SendError(string code, string message) => Send(ServerEvents.Error(code, message, Time.GetUtcNow()));

    private void Send(byte[] utf8Json) => Send(ConnectionFrame.Text(utf8Json));

    /// <summary>
    /// Queues a frame for the candidate without waiting: a slow client must never stall the interview. A full or
    /// closed queue means the client is gone or cannot keep up, so the connection is dropped; the candidate can
    /// reconnect and resume.
    /// </summary>
    private void Send(ConnectionFrame frame)
    {
        NotifyWatchers();
        if (_connection is not { } connection || connection.TrySend(frame))
        {
            return;
        }

        InterviewLog.CandidateConnectionDropped(_logger, Id);
        Metrics.SyncHireMetrics.Error("candidate_too_slow");
        ReleaseConnection();
        _ = connection.CloseAsync(ConnectionClose.Lost("client too slow or gone")).AsTask();
    }

    /// <summary>Forgets the current connection; a running interview then starts counting towards its idle timeout.</summary>
    private void ReleaseConnection()
    {
        _connection = null;
        RefreshAudioRoute();
        _connectionKeepAlive?.Dispose();
        _connectionKeepAlive = null;
        if (State.Status == InterviewStatus.InProgress)
        {
            StartIdleTimer();
        }
    }
}
