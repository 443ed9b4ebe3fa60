using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Providers;
using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The candidate's side of the protocol: what a newly attached candidate is told (session_ready, then resumed or
/// interview_ended), and what each client message does once it has come through the channel as a turn. Live audio
/// mostly never gets here: <see cref="CandidateChannel"/> forwards it on the relay's thread.
/// </summary>
/// <remarks>Used inside turns only.</remarks>
internal sealed class CandidateProtocol(
    InterviewStore store,
    CandidateChannel candidate,
    ProviderConversation conversation,
    TypedInterview typed,
    InterviewUsageMeter usage,
    bool requireConsent,
    TimeProvider time,
    IInterviewLifecycle host)
{
    private static readonly ConnectionClose NotFound = new(4404, "interview not found");

    private InterviewState State => store.State;

    /// <summary>A connection to an interview that does not exist: told so, and closed.</summary>
    public async Task RefuseAsync(ICandidateConnection connection)
    {
        connection.TrySend(ConnectionFrame.Text(ServerEvents.Error(ErrorCodes.InternalError, $"Interview {store.InterviewId} does not exist.", time.GetUtcNow())));
        await connection.CloseAsync(NotFound);
    }

    /// <summary>
    /// A candidate's connection was adopted: tell it where the interview stands and, for a live one, make sure the
    /// interviewer is there. False when the interview is over (the connection is closed; nothing to read).
    /// </summary>
    public async Task<bool> GreetAsync()
    {
        var (state, now) = (State, time.GetUtcNow());
        candidate.Send(ServerEvents.SessionReady(store.InterviewId, state.Status, state.CurrentQuestionIndex + 1, state.Questions.Count,
            store.Definition.MaxDurationMinutes * 60, state.StartedAt, now));
        switch (state.Status)
        {
            case InterviewStatus.Completed:
                candidate.Send(ServerEvents.InterviewEnded(state.EndReason ?? EndReasons.Completed, state.Transcript.Count, now));
                await candidate.CloseAsync(new ConnectionClose(1000, "interview already ended"));
                return false;
            case InterviewStatus.InProgress:
                candidate.Send(ServerEvents.Resumed(state.Status, state.CurrentQuestionIndex + 1, state.Questions.Count,
                    (now - state.StartedAt!.Value).TotalSeconds, state.Transcript, now));
                await host.EnsureInterviewerAsync();
                break;
        }

        return true;
    }

    public async Task HandleAsync(ClientMessage message)
    {
        var now = time.GetUtcNow();
        switch (message)
        {
            case ClientMessage.Ping:
                candidate.Send(ServerEvents.Pong(now));
                break;
            case ClientMessage.StartInterview start:
                await StartAsync(start.Consent, now);
                break;
            case ClientMessage.EndInterview when State.Status == InterviewStatus.Completed:
                candidate.SendError(ErrorCodes.InterviewEnded, "The interview has already ended.", now);
                break;
            case ClientMessage.EndInterview:
                await host.EndAsync(EndReasons.CandidateEnded);
                break;
            case ClientMessage.AudioChunk or ClientMessage.CommitTurn when typed.IsRunning:
                candidate.SendError(ErrorCodes.TextModeOnly, "This interview runs as typed questions and answers: send text_answer.", now);
                break;
            case ClientMessage.TextAnswer answer when typed.IsRunning:
                await typed.AnswerOverSocketAsync(answer.Text);
                break;
            case ClientMessage.AudioChunk when conversation.IsReconnecting:
                // Speech while the interviewer reconnects is dropped quietly: the candidate has been told, and an
                // error per 20 ms frame would bury the notice.
                break;
            case ClientMessage.AudioChunk audio when RequireLiveSession(now) is { } session:
                await session.SendAudioAsync(audio.Pcm16, conversation.SessionToken);
                usage.CountAudioIn(audio.Pcm16.Length);
                break;
            case ClientMessage.CommitTurn when RequireLiveSession(now) is { } session:
                await session.CommitTurnAsync(conversation.SessionToken);
                break;
            case ClientMessage.TextAnswer answer when RequireLiveSession(now) is { } session:
                await session.SendTextAsync(answer.Text, conversation.SessionToken);
                break;
        }
    }

    private async Task StartAsync(bool consent, DateTimeOffset now)
    {
        switch (State.Status)
        {
            case InterviewStatus.Created when !consent && requireConsent:
                candidate.SendError(ErrorCodes.ConsentRequired, "The candidate must agree to the recording: send start_interview with \"consent\": true.", now);
                break;
            case InterviewStatus.Created:
                await host.BeginAsync(consent, now);
                break;
            case InterviewStatus.InProgress:
                // A client that reconnected says start again: it resumes, nothing restarts.
                await host.EnsureInterviewerAsync();
                break;
            default:
                candidate.SendError(ErrorCodes.InterviewEnded, "The interview has already ended.", now);
                break;
        }
    }

    /// <summary>The provider session if the interview is live; otherwise tells the candidate why not and returns null.</summary>
    private IRealtimeSession? RequireLiveSession(DateTimeOffset now)
    {
        switch (State.Status)
        {
            case InterviewStatus.Created:
                candidate.SendError(ErrorCodes.NotStarted, "Send start_interview before audio, send_for_AI_processing or text_answer.", now);
                return null;
            case InterviewStatus.Completed:
                candidate.SendError(ErrorCodes.InterviewEnded, "The interview has already ended.", now);
                return null;
        }

        if (conversation.Session is null)
        {
            candidate.SendError(ErrorCodes.InternalError, conversation.IsReconnecting
                ? "The interviewer is reconnecting; please say that again in a moment."
                : "The interviewer is not connected yet; please try again in a moment.", now);
        }

        return conversation.Session;
    }
}
