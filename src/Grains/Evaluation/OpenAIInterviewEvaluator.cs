using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using SyncHire.Grains.Usage;
using SyncHire.Providers;

namespace SyncHire.Grains.Evaluation;

/// <summary>
/// Writes the report with a text model through the OpenAI package's chat client, asking for structured output in
/// <see cref="InterviewReportSchema"/>. Each answer is checked by <see cref="InterviewReportValidator"/>; a failed
/// request or an invalid answer counts as one attempt, and after <see cref="EvaluationOptions.MaxAttempts"/> the
/// evaluator throws <see cref="EvaluationFailedException"/> instead of returning anything the model said.
/// The package's own retries are off so that this class owns the policy.
/// </summary>
public sealed class OpenAIInterviewEvaluator : IInterviewEvaluator
{
    private readonly EvaluationOptions _options;
    private readonly ChatClient _chat;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenAIInterviewEvaluator> _logger;

    public OpenAIInterviewEvaluator(EvaluationOptions options, string apiKey, TimeProvider time, ILogger<OpenAIInterviewEvaluator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _options = options;
        _time = time;
        _logger = logger;
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.RequestTimeout,
        };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        _chat = new ChatClient(options.Model, new ApiKeyCredential(apiKey), clientOptions);
    }

    public async Task<InterviewReport> EvaluateAsync(EvaluationInput input, ITokenUsageSink usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(usage);
        var messages = EvaluationPrompt.Messages(input, _options.MaxTranscriptCharacters);
        var completionOptions = new ChatCompletionOptions
        {
            ResponseFormat = InterviewReportSchema.ResponseFormat,
            Temperature = _options.Temperature,
            MaxOutputTokenCount = _options.MaxOutputTokens,
        };

        var failures = new List<string>();
        Exception? lastError = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1 && _options.RetryDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.RetryDelay * Math.Pow(2, attempt - 2), _time, cancellationToken).ConfigureAwait(false);
            }

            string problem;
            try
            {
                ChatCompletion completion = await _chat.CompleteChatAsync(messages, completionOptions, cancellationToken).ConfigureAwait(false);
                if (ChatTokens.From(completion) is { } tokens)
                {
                    usage.CountTokens(tokens); // Before the answer is judged: a rejected answer was billed too.
                }

                if (Accept(completion, out var report, out problem))
                {
                    return report;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ArgumentException)
            {
                // Transport errors, HTTP errors and unreadable bodies: all mean "this attempt gave no report".
                lastError = exception;
                problem = exception is ClientResultException { Status: > 0 } http
                    ? $"the model endpoint answered HTTP {http.Status}"
                    : $"the request failed ({exception.GetType().Name}: {exception.Message})";
            }

            failures.Add($"attempt {attempt}: {problem}");
            // The answer itself is not logged: it would carry the candidate's words into the logs.
            _logger.LogWarning("Evaluation attempt {Attempt} of {MaxAttempts} with {Model} failed: {Problem}",
                attempt, _options.MaxAttempts, _options.Model, problem);
        }

        throw new EvaluationFailedException(failures, lastError);
    }

    private bool Accept(ChatCompletion completion, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InterviewReport? report, out string problem)
    {
        report = null;
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            problem = "the model refused to evaluate";
            return false;
        }

        if (completion.FinishReason == ChatFinishReason.Length)
        {
            problem = "the answer was cut off at the token limit";
            return false;
        }

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        var model = string.IsNullOrWhiteSpace(completion.Model) ? _options.Model : completion.Model;
        return InterviewReportValidator.TryParse(text, model, _time.GetUtcNow(), out report, out problem);
    }
}
