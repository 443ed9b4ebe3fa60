using SyncHire.Grains.Usage;
using SyncHire.Providers;

namespace SyncHire.Grains.Evaluation;

/// <summary>Turns a finished interview into its <see cref="InterviewReport"/>.</summary>
public interface IInterviewEvaluator
{
    /// <param name="usage">
    /// Where the model's tokens are counted, after every call, failed attempts included (they are billed too), so the
    /// interview's usage holds them whether or not a report comes out.
    /// </param>
    /// <exception cref="EvaluationFailedException">No valid report could be produced; nothing should be stored.</exception>
    Task<InterviewReport> EvaluateAsync(EvaluationInput input, ITokenUsageSink usage, CancellationToken cancellationToken);
}
