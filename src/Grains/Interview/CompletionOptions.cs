namespace SyncHire.Grains.Interview;

/// <summary>"Completion": what happens after an interview ends (evaluation, the completion webhook, usage).</summary>
public sealed class CompletionOptions
{
    public const string SectionName = "Completion";

    /// <summary>
    /// The period of the durable "completion" reminder an ended interview holds until its report is stored and its
    /// webhook queued: if the silo dies mid-evaluation, the reminder reactivates the interview elsewhere after this.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
