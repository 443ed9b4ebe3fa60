namespace SyncHire.Grains.Evaluation;

/// <summary>Turns a finished interview into its <see cref="InterviewReport"/>.</summary>
public interface IInterviewEvaluator
{
    /// <exception cref="EvaluationFailedException">No valid report could be produced; nothing should be stored.</exception>
    Task<InterviewReport> EvaluateAsync(EvaluationInput input, CancellationToken cancellationToken);
}
