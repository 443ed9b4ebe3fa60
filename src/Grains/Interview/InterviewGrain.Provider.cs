using Microsoft.Extensions.Logging;
using SyncHire.Audio;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Prompts;
using SyncHire.Providers;
using Orleans.Storage;

namespace SyncHire.Grains.Interview;

/// <summary>The interviewer's side: the provider session, its events, and the tools it calls.</summary>
public sealed partial class InterviewGrain
{
    private IRealtimeSession? _session;
    private CancellationTokenSource? _sessionLifetime;
    private ActiveResponse? _response;

    /// <summary>"thinking" went out and neither audio nor a finished utterance has followed it yet.</summary>
    private bool _candidateSeesThinking;
    private DateTimeOffset? _candidateSpeechStartedAt;

    /// <summary>fetch_next_question ran since the interviewer's last turn: that turn moves on rather than following up.</summary>
    private bool _questionFetchedSinceLastTurn;

    private CancellationToken SessionToken => _sessionLifetime?.Token ?? CancellationToken.None;

    private async Task EnsureProviderSessionAsync()
    {
        // A typed interview has no interviewer session: the grain asks its questions itself (TextMode partial).
        if (State.TextMode)
        {
            return;
        }

        if (_session is null && !IsReconnecting && !await TryOpenProviderSessionAsync(speakFirst: true))
        {
            BeginReconnecting($"provider {ProviderName} could not open a session");
        }
    }

    /// <summary>
    /// Opens a session with the interview's current provider, seeded with the transcript so far, and makes it the
    /// live one. With <paramref name="speakFirst"/> it asks the model to speak: the greeting for a new interview,
    /// or a short apology and the current question after a disconnect or a move. A session it replaces is closed.
    /// </summary>
    private async Task<bool> TryOpenProviderSessionAsync(bool speakFirst)
    {
        var provider = _providers.Resolve(ProviderName);
        var instructions = BuildInstructions();
        if (State.TimeWarningSent)
        {
            instructions = InterviewPromptBuilder.WrapUp(instructions, CapAt - Time.GetUtcNow());
        }

        var options = new RealtimeSessionOptions(
            instructions,
            new InterviewBrief(Definition.CandidateName, Definition.Role, InterviewInstructions.LevelName(Definition.Level), State.Questions.Count),
            InterviewTools.Definitions,
            [.. State.Transcript.Select(t => new HistoryTurn(t.Speaker, t.Text))],
            // Voice and model names belong to the interview's own provider; a fallback uses its configured ones.
            _failedOver ? null : Definition.Voice,
            _failedOver ? null : Definition.Model,
            Definition.TurnDetection);

        var lifetime = new CancellationTokenSource();
        IRealtimeSession session;
        try
        {
            session = await provider.ConnectAsync(options, lifetime.Token);
        }
        catch (Exception exception)
        {
            lifetime.Dispose();
            InterviewLog.ProviderSessionOpenFailed(_logger, Id, provider.Name, exception.Message);
            return false;
        }

        CloseProviderSession();
        InterviewLog.ProviderSessionOpened(_logger, Id, provider.Name, options.History.Count);
        _session = session;
        Metrics.SyncHireMetrics.ActiveInterviews.Add(1);
        _sessionLifetime = lifetime;
        _response = null;
        _questionFetchedSinceLastTurn = false;
        RefreshAudioRoute();
        ScheduleSessionRollover(provider);
        _ = Task.Run(() => PumpProviderEventsAsync(session, lifetime.Token));
        if (speakFirst)
        {
            await session.CreateResponseAsync(lifetime.Token);
        }

        return true;
    }

    /// <summary>Reads the session's events outside the turn and handles each as a turn, in order.</summary>
    private async Task PumpProviderEventsAsync(IRealtimeSession session, CancellationToken lifetime)
    {
        var reason = "the provider closed the session";
        await using var events = session.Events.GetAsyncEnumerator(lifetime);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync())
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                InterviewLog.ProviderSessionFailed(_logger, exception, Id);
                reason = exception.Message;
                break;
            }

            var providerEvent = events.Current;
            try
            {
                await RunInTurnAsync(() => HandleProviderEventAsync(session, providerEvent));
            }
            catch (Exception exception)
            {
                // The activation is gone (or found itself stale); a successor opens its own session.
                InterviewLog.ProviderEventPumpStopped(_logger, exception, Id);
                return;
            }
        }

        if (lifetime.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await RunInTurnAsync(() => OnProviderSessionLostAsync(session, reason));
        }
        catch (Exception exception)
        {
            InterviewLog.NothingToEnd(_logger, exception, Id);
        }
    }

    private async Task HandleProviderEventAsync(IRealtimeSession session, ProviderEvent providerEvent)
    {
        if (providerEvent is UsageReported usage)
        {
            // Counted even from a session already replaced: its tokens were spent (and billed) all the same.
            _usage.CountTokens(usage.Tokens);
            return;
        }

        if (session != _session)
        {
            return; // A closed session's late events.
        }

        try
        {
            await ApplyProviderEventAsync(session, providerEvent);
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            InterviewLog.ProviderEventFailed(_logger, exception, Id, providerEvent.GetType().Name);
        }
    }

    private async Task ApplyProviderEventAsync(IRealtimeSession session, ProviderEvent providerEvent)
    {
        var now = Time.GetUtcNow();
        switch (providerEvent)
        {
            case ResponseStarted:
                _response = new ActiveResponse(now);
                // A tool-only response is followed by the one that speaks: the candidate sees one "thinking".
                if (!_candidateSeesThinking)
                {
                    _candidateSeesThinking = true;
                    Send(ServerEvents.Thinking(now));
                }

                break;

            case AudioDelta audio:
                SendInterviewerAudio(audio.Pcm16Mono24k, now);
                break;

            case OutputTranscriptDelta { IsFinal: false } partial:
                Send(ServerEvents.Transcript(Speakers.Interviewer, partial.Text, final: false, questionIndex: CurrentQuestion, at: now));
                break;

            case OutputTranscriptDelta final:
                await StoreInterviewerTurnAsync(final.Text, now);
                break;

            case ResponseDone done:
                await CompleteResponseAsync(done, now);
                break;

            case InputTranscriptDelta { IsFinal: false } partial:
                Send(ServerEvents.Transcript(Speakers.Candidate, partial.Text, final: false, questionIndex: CurrentQuestion, at: now));
                break;

            case InputTranscriptDelta final:
                var turn = AppendTurn(Speakers.Candidate, final.Text, _candidateSpeechStartedAt ?? now, now);
                _candidateSpeechStartedAt = null;
                await WriteStateAsync();
                SendFinalTranscript(turn, now);
                break;

            case SpeechStarted:
                _candidateSpeechStartedAt ??= now;
                Send(ServerEvents.SpeechStarted(now));
                await BargeInAsync(session, now);
                break;

            case SpeechStopped:
                Send(ServerEvents.SpeechStopped(now));
                break;

            case ToolCall call:
                await RunToolAsync(session, call, now);
                break;

            case GoingAway goingAway:
                // Information only: an adapter that can resume (Gemini) does so itself; one that cannot ends its
                // session, and the loss is handled like any other (reconnect with the transcript).
                InterviewLog.ProviderGoingAway(_logger, Id, goingAway.TimeLeft);
                break;

            case ProviderError { Fatal: true } error:
                InterviewLog.FatalProviderError(_logger, Id, error.Code, error.Message);
                await OnProviderSessionLostAsync(session, $"{error.Code}: {error.Message}");
                break;

            case ProviderError error:
                InterviewLog.ProviderErrorReported(_logger, Id, error.Code, error.Message);
                break;
        }
    }

    private void SendInterviewerAudio(ReadOnlyMemory<byte> pcm, DateTimeOffset now)
    {
        var response = _response ??= new ActiveResponse(now); // Providers that skip ResponseStarted still get one.
        if (response.FirstAudioAt is null)
        {
            response.FirstAudioAt = now;
            Metrics.SyncHireMetrics.ProviderFirstAudio.Record((now - response.StartedAt).TotalSeconds);
            _candidateSeesThinking = false;
            Send(ServerEvents.ThinkingComplete(now));
        }

        response.AudioBytes += pcm.Length;
        _usage.CountAudioOut(pcm.Length);
        Send(ServerEvents.AiAudioChunk(Pcm16.Rms(pcm.Span), now));
        Send(ConnectionFrame.Binary(pcm));
    }

    /// <summary>The candidate spoke over the interviewer: stop the response and tell the client to stop playback.</summary>
    private async Task BargeInAsync(IRealtimeSession session, DateTimeOffset now)
    {
        if (_response is not { Interrupted: false } response)
        {
            return;
        }

        response.Interrupted = true;
        var heard = TimeSpan.Zero;
        if (response.FirstAudioAt is { } firstAudio)
        {
            var sent = Pcm16.Duration(response.AudioBytes, ProtocolLimits.OutputSampleRate);
            var elapsed = now - firstAudio;
            heard = elapsed < sent ? elapsed : sent;
        }

        await session.CancelResponseAsync(heard, SessionToken);
        Send(ServerEvents.Interrupted(now));
    }

    private async Task StoreInterviewerTurnAsync(string text, DateTimeOffset now)
    {
        var startedAt = _response?.StartedAt ?? now;
        if (_response is not null)
        {
            _response.TranscriptStored = true;
        }

        var turn = AppendTurn(Speakers.Interviewer, text, startedAt, now);
        if (IsFollowUp(turn))
        {
            State = State with { FollowUps = [.. State.FollowUps, new FollowUp(turn.QuestionIndex!.Value, turn.Sequence)] };
        }

        _questionFetchedSinceLastTurn = false;
        await WriteStateAsync();
        SendFinalTranscript(turn, now);
    }

    /// <summary>The interviewer stayed on a question the candidate had already answered, without fetching the next.</summary>
    private bool IsFollowUp(TranscriptTurn turn) =>
        turn.QuestionIndex is { } index
        && !_questionFetchedSinceLastTurn
        && !State.AllQuestionsAsked
        && !State.Closing
        && State.Transcript.Any(t => t.Speaker == Speakers.Candidate && t.QuestionIndex == index);

    private async Task CompleteResponseAsync(ResponseDone done, DateTimeOffset now)
    {
        var response = _response;
        _response = null;
        var text = done.Text ?? "";
        if (response is { TranscriptStored: false } && !done.Cancelled && !string.IsNullOrWhiteSpace(text))
        {
            // The provider gave no final transcript for this response; its text still belongs in the record.
            _response = response;
            await StoreInterviewerTurnAsync(text, now);
            _response = null;
        }

        // A response that only called a tool said nothing: the candidate hears about the one that follows it.
        if (!string.IsNullOrWhiteSpace(text) || response?.FirstAudioAt is not null)
        {
            _candidateSeesThinking = false;
            Send(ServerEvents.AiResponseComplete(text, now));
        }

        if (State.Closing && !done.Cancelled)
        {
            await EndAsync(EndReasons.Completed);
            return;
        }

        if (response is not null && response.EndedQuietly(done))
        {
            await RollOverSessionIfDueAsync();
        }
    }

    private async Task RunToolAsync(IRealtimeSession session, ToolCall call, DateTimeOffset now)
    {
        if (_response is not null)
        {
            _response.CalledTool = true;
        }

        var outcome = InterviewToolRunner.Run(State, call.Name, call.ArgumentsJson);
        InterviewLog.ToolRan(_logger, Id, call.Name, outcome.ResultJson);
        if (!ReferenceEquals(outcome.State, State))
        {
            State = outcome.State;
            await WriteStateAsync();
        }

        _questionFetchedSinceLastTurn |= outcome.FetchedQuestion;
        if (outcome.AdvancedToQuestion is { } index)
        {
            Send(ServerEvents.QuestionProgress(index + 1, State.Questions.Count, State.Questions[index], now));
        }

        await session.SendToolResultAsync(call.CallId, outcome.ResultJson, SessionToken);
    }

    /// <summary>
    /// The provider session failed, closed or could not open: reconnect (see InterviewGrain.Resilience.cs). Late
    /// reports about a session that was already replaced are ignored.
    /// </summary>
    private Task OnProviderSessionLostAsync(IRealtimeSession? session, string reason)
    {
        if (session is not null && session != _session)
        {
            return Task.CompletedTask;
        }

        InterviewLog.ProviderSessionLost(_logger, Id, reason);
        CloseProviderSession();
        if (State.Status == InterviewStatus.InProgress)
        {
            BeginReconnecting(reason);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops listening to the session and disposes it off the turn (disposal may wait on the provider's I/O).</summary>
    private void CloseProviderSession()
    {
        if (_session is not { } session)
        {
            return;
        }

        var lifetime = _sessionLifetime;
        _session = null;
        Metrics.SyncHireMetrics.ActiveInterviews.Add(-1);
        _sessionLifetime = null;
        _response = null;
        RefreshAudioRoute();
        lifetime?.Cancel();
        _ = Task.Run(async () =>
        {
            try
            {
                await session.DisposeAsync();
            }
            catch (Exception exception)
            {
                InterviewLog.ProviderSessionDisposeFailed(_logger, exception, Id);
            }
        });
    }

    private int? CurrentQuestion => State.CurrentQuestionIndex >= 0 ? State.CurrentQuestionIndex : null;

    private TranscriptTurn AppendTurn(string speaker, string text, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var origin = State.StartedAt ?? startedAt;
        var sequence = State.LastSequence + 1;
        var turn = new TranscriptTurn(sequence, speaker, text,
            (long)(startedAt - origin).TotalMilliseconds, (long)(endedAt - origin).TotalMilliseconds, CurrentQuestion);
        State = State with { Transcript = [.. State.Transcript, turn], LastSequence = sequence };
        return turn;
    }

    private void SendFinalTranscript(TranscriptTurn turn, DateTimeOffset now) =>
        Send(ServerEvents.Transcript(turn.Speaker, turn.Text, final: true, turn.Sequence, turn.QuestionIndex, now));
}
