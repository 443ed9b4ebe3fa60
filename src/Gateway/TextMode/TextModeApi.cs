using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Interviews;
using SyncHire.Gateway.Tenants;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.TextMode;
using Orleans;

namespace SyncHire.Gateway.TextMode;

/// <summary>
/// Text Q&amp;A mode (seeds/001): an interview without audio. GET …/question starts it and returns the question to
/// answer; each POST …/answers records a typed answer and returns its score and feedback with the next question;
/// after the last answer the interview is complete (POST …/end finishes it early).
/// </summary>
public static class TextModeApi
{
    public static IEndpointRouteBuilder MapTextModeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews/{id}").WithTags("Text mode").RequireTenant();
        group.MapGet("/question", GetQuestion).WithSummary("The question to answer now; starts the interview in text mode");
        group.MapPost("/answers", Answer).WithSummary("Submit a typed answer: its score and feedback, the next question and progress");
        return routes;
    }

    private static async Task<Results<Ok<TextQuestionResponse>, ProblemHttpResult>> GetQuestion(
        string id, TenantContext tenant, TenantInterviewAccess interviews, IGrainFactory grains)
    {
        if (await interviews.FindAsync(tenant, id) is null)
        {
            return Problems.InterviewNotFound(id);
        }

        try
        {
            var question = await grains.GetGrain<IInterviewGrain>(id).GetTextQuestion();
            return TypedResults.Ok(new TextQuestionResponse(id, question.Question, TextProgressResponse.From(question.Progress), question.Completed));
        }
        catch (InvalidOperationException)
        {
            return RunningOverAudio(id);
        }
    }

    private static async Task<Results<Ok<TextAnswerResponse>, ValidationProblem, ProblemHttpResult>> Answer(
        string id, TextAnswerRequest request, TenantContext tenant, TenantInterviewAccess interviews, IGrainFactory grains)
    {
        var answer = request.Answer?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["answer"] = ["answer is required."] });
        }

        if (answer.Length > TextAnswerLimits.MaxLength)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["answer"] = [$"answer must be at most {TextAnswerLimits.MaxLength} characters."],
            });
        }

        var snapshot = await interviews.FindAsync(tenant, id);
        if (snapshot is null)
        {
            return Problems.InterviewNotFound(id);
        }

        if (snapshot.Status == InterviewStatus.Completed)
        {
            return Ended(id);
        }

        try
        {
            var result = await grains.GetGrain<IInterviewGrain>(id).SubmitTextAnswer(answer);
            return TypedResults.Ok(new TextAnswerResponse(result.Score, result.Feedback, result.NextQuestion,
                TextProgressResponse.From(result.Progress), result.Completed));
        }
        catch (InvalidOperationException)
        {
            // Ended or switched to audio between the read above and the answer.
            var now = await interviews.FindAsync(tenant, id);
            return now?.Status == InterviewStatus.Completed ? Ended(id) : RunningOverAudio(id);
        }
    }

    private static ProblemHttpResult Ended(string id) =>
        Problems.Of(StatusCodes.Status409Conflict, ApiErrorCodes.InterviewEnded, "The interview has ended",
            $"Interview '{id}' is complete; read its transcript and report instead.");

    private static ProblemHttpResult RunningOverAudio(string id) =>
        Problems.Of(StatusCodes.Status409Conflict, ApiErrorCodes.InterviewRunningOverAudio, "The interview is running over audio",
            $"Interview '{id}' was started on its WebSocket; typed answers go there as text_answer events.");
}
