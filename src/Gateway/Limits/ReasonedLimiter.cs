using System.Threading.RateLimiting;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// A rate limiter whose refusals carry a <see cref="MetadataName.ReasonPhrase"/>, so the one rejection handler the
/// ASP.NET rate limiter has can tell which limit refused a request.
/// </summary>
internal sealed class ReasonedLimiter(RateLimiter inner, string reason) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Mark(inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Mark(await inner.AcquireAsync(permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => inner.DisposeAsync();

    private RateLimitLease Mark(RateLimitLease lease) => lease.IsAcquired ? lease : new RefusedLease(lease, reason);

    private sealed class RefusedLease(RateLimitLease inner, string reason) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(MetadataName.ReasonPhrase.Name).Distinct();

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.ReasonPhrase.Name)
            {
                metadata = reason;
                return true;
            }

            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
