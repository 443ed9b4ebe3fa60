namespace SyncHire.Grains.Evaluation;

/// <summary>
/// The evaluation model gave no valid report within its attempts. The caller falls back to the offline evaluator
/// rather than storing anything the model said.
/// </summary>
public sealed class EvaluationFailedException : Exception
{
    public EvaluationFailedException(IReadOnlyList<string> attemptFailures, Exception? lastError = null)
        : base($"The evaluation failed after {attemptFailures.Count} attempt(s): {string.Join(" | ", attemptFailures)}", lastError)
    {
        AttemptFailures = attemptFailures;
    }

    /// <summary>Why each attempt failed, in order.</summary>
    public IReadOnlyList<string> AttemptFailures { get; }
}
