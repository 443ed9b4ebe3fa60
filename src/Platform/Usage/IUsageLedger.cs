namespace SyncHire.Platform.Usage;

/// <summary>What each interview consumed, summed per tenant for cost control.</summary>
public interface IUsageLedger
{
    /// <summary>
    /// Appends the records in one transaction (all or none). Throws <see cref="ArgumentException"/> for an invalid
    /// kind or tenant, or an amount that is negative, NaN or infinite.
    /// </summary>
    Task RecordUsageAsync(IReadOnlyCollection<UsageRecord> records, CancellationToken cancellationToken);

    /// <summary>The tenant's totals per kind over [<paramref name="from"/>, <paramref name="to"/>), ordered by kind.</summary>
    Task<IReadOnlyList<UsageTotal>> SumUsageAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's totals per kind and model over [<paramref name="from"/>, <paramref name="to"/>), for the records
    /// that name a model (model tokens), ordered by kind, then model.
    /// </summary>
    Task<IReadOnlyList<UsageTotal>> SumUsageByModelAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Erases the interview's records. Returns how many.</summary>
    Task<int> DeleteUsageAsync(string tenantId, string interviewId, CancellationToken cancellationToken);
}
