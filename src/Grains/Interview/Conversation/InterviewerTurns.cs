using Microsoft.Extensions.Logging;
using SyncHire.Audio;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Providers;
using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// What the interviewer's events do to the interview: the response being spoken (thinking, audio, barge-in), the
/// transcript turns of both sides, follow-ups, and the tools the model calls. The session mechanics (opening,
/// reconnecting, rolling over) are <see cref="ProviderConversation"/>'s; this is the content.
/// </summary>
/// <remarks>Used inside turns only.</remarks>
internal sealed class InterviewerTurns(
    InterviewStore store,
    ICandidateSender candidate,
    ProviderConversation conversation,
    InterviewUsageMeter usage,
    TimeProvider time,
    ILogger logger,
    Func<string, Task> endInterview)
{
    private ActiveResponse? _response;

    /// <summary>"thinking" went out and neither audio nor a finished utterance has followed it yet.</summary>
    private bool _candidateSeesThinking;
    private DateTimeOffset? _candidateSpeechStartedAt;

    /// <summary>fetch_next_question ran since the interviewer's last turn: that turn moves on rather than following up.</summary>
    private bool _questionFetchedSinceLastTurn;

    private InterviewState State => store.State;

    private int? CurrentQuestion => State.CurrentQuestion;

    /// <summary>A session opened or closed: no response of the old one is in flight any more.</summary>
    public void OnSessionChanged()
    {
        _response = null;
        _questionFetchedSinceLastTurn = false;
    }

    public async Task ApplyAsync(IRealtimeSession session, ProviderEvent providerEvent)
    {
        var now = time.GetUtcNow();
        switch (providerEvent)
        {
            case ResponseStarted:
                _response = new ActiveResponse(now);
                // A tool-only response is followed by the one that speaks: the candidate sees one "thinking".
                if (!_candidateSeesThinking)
                {
                    _candidateSeesThinking = true;
                    candidate.Send(ServerEvents.Thinking(now));
                }

                break;

            case AudioDelta audio:
                SendInterviewerAudio(audio.Pcm16Mono24k, now);
                break;

            case OutputTranscriptDelta { IsFinal: false } partial:
                candidate.Send(ServerEvents.Transcript(Speakers.Interviewer, partial.Text, final: false, questionIndex: CurrentQuestion, at: now));
                break;

            case OutputTranscriptDelta final:
                await StoreInterviewerTurnAsync(final.Text, now);
                break;

            case ResponseDone done:
                await CompleteResponseAsync(done, now);
                break;

            case InputTranscriptDelta { IsFinal: false } partial:
                candidate.Send(ServerEvents.Transcript(Speakers.Candidate, partial.Text, final: false, questionIndex: CurrentQuestion, at: now));
                break;

            case InputTranscriptDelta final:
                var turn = store.AppendTurn(Speakers.Candidate, final.Text, _candidateSpeechStartedAt ?? now, now);
                _candidateSpeechStartedAt = null;
                await store.SaveAsync();
                candidate.SendFinalTranscript(turn, now);
                break;

            case SpeechStarted:
                _candidateSpeechStartedAt ??= now;
                candidate.Send(ServerEvents.SpeechStarted(now));
                await BargeInAsync(session, now);
                break;

            case SpeechStopped:
                candidate.Send(ServerEvents.SpeechStopped(now));
                break;

            case ToolCall call:
                await RunToolAsync(session, call, now);
                break;

            case GoingAway goingAway:
                // Information only: an adapter that can resume (Gemini) does so itself; one that cannot ends its
                // session, and the loss is handled like any other (reconnect with the transcript).
                InterviewLog.ProviderGoingAway(logger, store.InterviewId, goingAway.TimeLeft);
                break;

            case ProviderError { Fatal: true } error:
                InterviewLog.FatalProviderError(logger, store.InterviewId, error.Code, error.Message);
                await conversation.OnSessionLostAsync(session, $"{error.Code}: {error.Message}");
                break;

            case ProviderError error:
                InterviewLog.ProviderErrorReported(logger, store.InterviewId, error.Code, error.Message);
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
            candidate.Send(ServerEvents.ThinkingComplete(now));
        }

        response.AudioBytes += pcm.Length;
        usage.CountAudioOut(pcm.Length);
        candidate.Send(ServerEvents.AiAudioChunk(Pcm16.Rms(pcm.Span), now));
        candidate.Send(ConnectionFrame.Binary(pcm));
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

        await session.CancelResponseAsync(heard, conversation.SessionToken);
        candidate.Send(ServerEvents.Interrupted(now));
    }

    private async Task StoreInterviewerTurnAsync(string text, DateTimeOffset now)
    {
        var startedAt = _response?.StartedAt ?? now;
        if (_response is not null)
        {
            _response.TranscriptStored = true;
        }

        var turn = store.AppendTurn(Speakers.Interviewer, text, startedAt, now);
        if (IsFollowUp(turn))
        {
            store.State = State with { FollowUps = [.. State.FollowUps, new FollowUp(turn.QuestionIndex!.Value, turn.Sequence)] };
        }

        _questionFetchedSinceLastTurn = false;
        await store.SaveAsync();
        candidate.SendFinalTranscript(turn, now);
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
            candidate.Send(ServerEvents.AiResponseComplete(text, now));
        }

        if (State.Closing && !done.Cancelled)
        {
            await endInterview(EndReasons.Completed);
            return;
        }

        // A quiet moment (the interviewer handed the turn over, the candidate has not started): a due rollover fits.
        if (response is not null && response.EndedQuietly(done) && _candidateSpeechStartedAt is null)
        {
            await conversation.RollOverIfDueAsync();
        }
    }

    private async Task RunToolAsync(IRealtimeSession session, ToolCall call, DateTimeOffset now)
    {
        if (_response is not null)
        {
            _response.CalledTool = true;
        }

        var outcome = InterviewToolRunner.Run(State, call.Name, call.ArgumentsJson);
        InterviewLog.ToolRan(logger, store.InterviewId, call.Name, outcome.ResultJson);
        if (!ReferenceEquals(outcome.State, State))
        {
            store.State = outcome.State;
            await store.SaveAsync();
        }

        _questionFetchedSinceLastTurn |= outcome.FetchedQuestion;
        if (outcome.AdvancedToQuestion is { } index)
        {
            candidate.Send(ServerEvents.QuestionProgress(index + 1, State.Questions.Count, State.Questions[index], now));
        }

        await session.SendToolResultAsync(call.CallId, outcome.ResultJson, conversation.SessionToken);
    }
}
