using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Usage;
using SyncHire.Providers;

namespace SyncHire.Grains.Tests.Completion;

/// <summary>
/// Stands in for the external evaluation model (an OpenAI chat completion): each call runs the next scripted
/// behaviour. Records every input it was given.
/// </summary>
internal sealed class ScriptedEvaluationModel(params Func<EvaluationInput, CancellationToken, Task<InterviewReport>>[] calls) : IInterviewEvaluator
{
    public const string ModelName = "scripted-model";

    private int _calls;
    private readonly TaskCompletionSource _firstCallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<EvaluationInput> Inputs { get; } = [];

    public int Calls => Volatile.Read(ref _calls);

    public Task FirstCallStarted => _firstCallStarted.Task;

    /// <summary>Tokens each call reports as used before it answers (the real model's usage), if any.</summary>
    public TokenUsage? TokensPerCall { get; init; }

    public Task<InterviewReport> EvaluateAsync(EvaluationInput input, ITokenUsageSink usage, CancellationToken cancellationToken)
    {
        int call;
        lock (Inputs)
        {
            Inputs.Add(input);
            call = _calls++;
        }

        if (TokensPerCall is { } tokens)
        {
            usage.CountTokens(tokens);
        }

        _firstCallStarted.TrySetResult();
        return calls[Math.Min(call, calls.Length - 1)](input, cancellationToken);
    }

    public static Task<InterviewReport> Answers(EvaluationInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new InterviewReport(
            $"{input.Definition.CandidateName} explained an event pipeline clearly.",
            ["Clear structure"],
            ["Little on testing"],
            new ScoredAssessment(7, "Idempotent consumers and replay."),
            new ScoredAssessment(8, "Concise and well ordered."),
            Recommendations.Hire,
            75,
            ["Say more about testing."],
            ModelName,
            DateTimeOffset.UnixEpoch));

    public static Task<InterviewReport> Fails(EvaluationInput input, CancellationToken cancellationToken) =>
        throw new EvaluationFailedException(["attempt 1: invalid JSON", "attempt 2: overallScore out of range"]);

    /// <summary>Never answers: runs until the caller gives up (the activation going away).</summary>
    public static async Task<InterviewReport> Hangs(EvaluationInput input, CancellationToken cancellationToken)
    {
        await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
        throw new InvalidOperationException("A task nobody completes has completed.");
    }
}
