using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Interfaces.TextMode;
using SyncHire.Grains.TextMode;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Text Q&amp;A mode (seeds/001): the interview runs over REST without audio or a provider session. It asks the
/// questions in order, records each typed answer as the candidate's turn, scores it offline
/// (<see cref="TextAnswerScorer"/>) into the same Answers and Feedback the interviewer's tools fill, and completes
/// the interview after the last answer. The cap, the time warning and the idle timeout apply as for a spoken one.
/// </summary>
/// <remarks>Used inside turns only.</remarks>
internal sealed class TypedInterview(
    InterviewStore store, ICandidateSender candidate, InterviewClocks clocks, TimeProvider time, ILogger logger, IInterviewLifecycle host)
{
    private InterviewState State => store.State;

    /// <summary>A typed interview is under way: a candidate socket on it gets its events but opens no interviewer session.</summary>
    public bool IsRunning => State.TextMode && State.Status == InterviewStatus.InProgress;

    public async Task<TextQuestion> GetQuestionAsync()
    {
        await EnsureStartedAsync();
        var index = State.CurrentQuestionIndex;
        return State.Status == InterviewStatus.Completed
            ? new TextQuestion(null, ProgressAt(index), Completed: true)
            : new TextQuestion(State.Questions[index], ProgressAt(index), Completed: false);
    }

    public async Task<TextAnswerResult> SubmitAnswerAsync(string text)
    {
        var answer = text?.Trim() ?? "";
        if (AnswerProblem(answer) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        await EnsureStartedAsync();
        if (State.Status == InterviewStatus.Completed)
        {
            throw new InvalidOperationException($"Interview {store.InterviewId} has already ended.");
        }

        var now = time.GetUtcNow();
        var index = State.CurrentQuestionIndex;
        var answerTurn = store.AppendTurn(Speakers.Candidate, answer, now, now);
        var scored = TextAnswerScorer.Score(State.Questions[index], answer);
        var questionId = InterviewState.QuestionId(index);
        store.State = State with
        {
            Answers = [.. State.Answers.Where(a => a.QuestionId != questionId), new StoredAnswer(questionId, answer, scored.Score, scored.Tags)],
            Feedback = [.. State.Feedback.Where(f => f.QuestionId != questionId), new StoredFeedback(questionId, scored.Feedback)],
        };

        var next = index + 1;
        if (next >= State.Questions.Count)
        {
            store.State = State with { AllQuestionsAsked = true };
            await store.SaveAsync();
            candidate.SendFinalTranscript(answerTurn, now);
            await host.EndAsync(EndReasons.Completed);
            return new TextAnswerResult(scored.Score, scored.Feedback, null, ProgressAt(index), Completed: true);
        }

        store.State = State with { CurrentQuestionIndex = next };
        var questionTurn = store.AppendTurn(Speakers.Interviewer, State.Questions[next], now, now);
        await store.SaveAsync();
        candidate.SendFinalTranscript(answerTurn, now);
        candidate.Send(ServerEvents.QuestionProgress(next + 1, State.Questions.Count, State.Questions[next], now));
        candidate.SendFinalTranscript(questionTurn, now);
        clocks.RestartIdle();
        return new TextAnswerResult(scored.Score, scored.Feedback, State.Questions[next], ProgressAt(next), Completed: false);
    }

    /// <summary>
    /// text_answer on the socket of a typed interview: the same as POST …/answers, its progress and transcript going
    /// out as events. A bad answer is an error event; nothing is recorded.
    /// </summary>
    public async Task AnswerOverSocketAsync(string text)
    {
        if (AnswerProblem(text.Trim()) is { } problem)
        {
            candidate.SendError(ErrorCodes.InvalidAnswer, problem, time.GetUtcNow());
            return;
        }

        await SubmitAnswerAsync(text);
    }

    private static string? AnswerProblem(string trimmedAnswer) =>
        trimmedAnswer.Length == 0 ? "The answer is empty."
        : trimmedAnswer.Length > TextAnswerLimits.MaxLength ? $"The answer is longer than {TextAnswerLimits.MaxLength} characters."
        : null;

    /// <summary>
    /// Starts a created interview as a typed one, asking the first question; refuses an interview running over audio
    /// (its interviewer is a live session, and typed answers go to it over the socket as text_answer).
    /// </summary>
    private async Task EnsureStartedAsync()
    {
        _ = store.Definition; // Throws for an interview that was never created.
        switch (State.Status)
        {
            case InterviewStatus.InProgress when !State.TextMode:
                throw new InvalidOperationException(
                    $"Interview {store.InterviewId} is running over audio; send typed answers on its WebSocket as text_answer.");
            case InterviewStatus.InProgress:
                clocks.RestartIdle();
                return;
            case InterviewStatus.Completed:
                return;
        }

        var now = time.GetUtcNow();
        store.State = State with { Status = InterviewStatus.InProgress, StartedAt = now, TextMode = true, CurrentQuestionIndex = 0 };
        var questionTurn = store.AppendTurn(Speakers.Interviewer, State.Questions[0], now, now);
        await store.SaveAsync();
        await host.GoLiveAsync(now);
        clocks.RestartIdle();
        InterviewLog.StartedInTextMode(logger, store.InterviewId, State.Questions.Count);

        candidate.Send(ServerEvents.QuestionProgress(1, State.Questions.Count, State.Questions[0], now));
        candidate.SendFinalTranscript(questionTurn, now);
    }

    private TextProgress ProgressAt(int index) => new(Math.Max(index, 0) + 1, State.Questions.Count);
}
