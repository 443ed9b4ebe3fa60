using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Interfaces.TextMode;
using SyncHire.Grains.TextMode;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Text Q&amp;A mode (seeds/001): the interview runs over REST without audio or a provider session. The grain itself
/// asks the questions in order, records each typed answer as the candidate's turn, scores it offline
/// (<see cref="TextAnswerScorer"/>) into the same Answers and Feedback the interviewer's tools fill, and completes
/// the interview after the last answer. The cap, the time warning and the idle timeout apply as for a spoken one.
/// </summary>
public sealed partial class InterviewGrain
{
    public async Task<TextQuestion> GetTextQuestion()
    {
        await EnsureTextInterviewAsync();
        var index = State.CurrentQuestionIndex;
        return State.Status == InterviewStatus.Completed
            ? new TextQuestion(null, TextProgressAt(index), Completed: true)
            : new TextQuestion(State.Questions[index], TextProgressAt(index), Completed: false);
    }

    public async Task<TextAnswerResult> SubmitTextAnswer(string text)
    {
        var answer = text?.Trim() ?? "";
        if (AnswerProblem(answer) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        await EnsureTextInterviewAsync();
        if (State.Status == InterviewStatus.Completed)
        {
            throw new InvalidOperationException($"Interview {Id} has already ended.");
        }

        var now = Time.GetUtcNow();
        var index = State.CurrentQuestionIndex;
        var answerTurn = AppendTurn(Speakers.Candidate, answer, now, now);
        var scored = TextAnswerScorer.Score(State.Questions[index], answer);
        var questionId = InterviewState.QuestionId(index);
        State = State with
        {
            Answers = [.. State.Answers.Where(a => a.QuestionId != questionId), new StoredAnswer(questionId, answer, scored.Score, scored.Tags)],
            Feedback = [.. State.Feedback.Where(f => f.QuestionId != questionId), new StoredFeedback(questionId, scored.Feedback)],
        };

        var next = index + 1;
        if (next >= State.Questions.Count)
        {
            State = State with { AllQuestionsAsked = true };
            await WriteStateAsync();
            SendFinalTranscript(answerTurn, now);
            await EndAsync(EndReasons.Completed);
            return new TextAnswerResult(scored.Score, scored.Feedback, null, TextProgressAt(index), Completed: true);
        }

        State = State with { CurrentQuestionIndex = next };
        var questionTurn = AppendTurn(Speakers.Interviewer, State.Questions[next], now, now);
        await WriteStateAsync();
        SendFinalTranscript(answerTurn, now);
        Send(ServerEvents.QuestionProgress(next + 1, State.Questions.Count, State.Questions[next], now));
        SendFinalTranscript(questionTurn, now);
        RestartTextIdleTimer();
        return new TextAnswerResult(scored.Score, scored.Feedback, State.Questions[next], TextProgressAt(next), Completed: false);
    }

    /// <summary>A typed interview is under way: a candidate socket on it gets its events but opens no interviewer session.</summary>
    private bool IsTypedInterviewRunning => State.TextMode && State.Status == InterviewStatus.InProgress;

    /// <summary>
    /// text_answer on the socket of a typed interview: the same as POST …/answers, its progress and transcript going
    /// out as events. A bad answer is an error event; nothing is recorded.
    /// </summary>
    private async Task AnswerTypedOverSocketAsync(string text)
    {
        if (AnswerProblem(text.Trim()) is { } problem)
        {
            SendError(ErrorCodes.InvalidAnswer, problem);
            return;
        }

        await SubmitTextAnswer(text);
    }

    private static string? AnswerProblem(string trimmedAnswer) =>
        trimmedAnswer.Length == 0 ? "The answer is empty."
        : trimmedAnswer.Length > TextAnswerLimits.MaxLength ? $"The answer is longer than {TextAnswerLimits.MaxLength} characters."
        : null;

    /// <summary>
    /// Starts a created interview as a typed one, asking the first question; refuses an interview running over audio
    /// (its interviewer is a live session, and typed answers go to it over the socket as text_answer).
    /// </summary>
    private async Task EnsureTextInterviewAsync()
    {
        if (!State.Exists)
        {
            throw new InvalidOperationException($"Interview {Id} has not been created.");
        }

        switch (State.Status)
        {
            case InterviewStatus.InProgress when !State.TextMode:
                throw new InvalidOperationException(
                    $"Interview {Id} is running over audio; send typed answers on its WebSocket as text_answer.");
            case InterviewStatus.InProgress:
                RestartTextIdleTimer();
                return;
            case InterviewStatus.Completed:
                return;
        }

        var now = Time.GetUtcNow();
        State = State with { Status = InterviewStatus.InProgress, StartedAt = now, TextMode = true, CurrentQuestionIndex = 0 };
        var questionTurn = AppendTurn(Speakers.Interviewer, State.Questions[0], now, now);
        await WriteStateAsync();
        await UpdateIndexAsync();
        _liveKeepAlive ??= KeepAlive();
        await RegisterLiveReminders(now);
        ScheduleCapTimer();
        ScheduleTimeWarning();
        RestartTextIdleTimer();
        InterviewLog.StartedInTextMode(_logger, Id, State.Questions.Count);

        Send(ServerEvents.QuestionProgress(1, State.Questions.Count, State.Questions[0], now));
        SendFinalTranscript(questionTurn, now);
    }

    /// <summary>A typed interview is idle when no answer arrives for the idle timeout: each request starts the clock again.</summary>
    private void RestartTextIdleTimer()
    {
        StopIdleTimer();
        if (_connection is null)
        {
            StartIdleTimer();
        }
    }

    private TextProgress TextProgressAt(int index) => new(Math.Max(index, 0) + 1, State.Questions.Count);
}
