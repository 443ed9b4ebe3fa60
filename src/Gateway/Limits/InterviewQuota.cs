using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Tenants;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// The concurrent-interview quota: how many interviews a tenant may have waiting for or talking to a candidate.
/// Counted from the interview index, which every gateway shares. A create reserves its slot: it holds the tenant's
/// quota lock (across all gateways) from the count until its interview is in the index, so two creates racing for
/// the last slot cannot both pass.
/// </summary>
public sealed class InterviewQuota(IOptions<TenantLimitOptions> options, IInterviewIndex index, ITenantLocks locks)
{
    /// <summary>A slot frees when an interview ends; a minute is a fair first wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    private const string LockPurpose = "interview-quota";

    private static readonly string[] OpenStatuses =
        [ServerEvents.StatusName(InterviewStatus.Created), ServerEvents.StatusName(InterviewStatus.InProgress)];

    /// <summary>
    /// Counts the tenant's open interviews under its quota lock. Dispose the reservation once the new interview is
    /// created (its grain writes the index row before Create returns), or at once when it was refused.
    /// </summary>
    public async Task<QuotaReservation> ReserveAsync(string tenantId, HttpResponse response, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxConcurrentInterviews;
        if (max == 0)
        {
            return QuotaReservation.Unlimited;
        }

        var held = await locks.LockTenantAsync(tenantId, LockPurpose, cancellationToken);
        try
        {
            if (await CountOpenAsync(tenantId, max, cancellationToken) < max)
            {
                return new QuotaReservation(held, Refusal: null);
            }
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }

        await held.DisposeAsync();
        response.Headers[HeaderNames.RetryAfter] = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new QuotaReservation(null, Problems.Of(StatusCodes.Status429TooManyRequests, ApiErrorCodes.InterviewQuotaExceeded,
            "Too many open interviews",
            $"The tenant already has {max} interviews created or in progress; end or delete one, or retry later."));
    }

    private Task<int> CountOpenAsync(string tenantId, int max, CancellationToken cancellationToken) =>
        index.CountInterviewsAsync(tenantId, OpenStatuses, max, cancellationToken);
}

/// <summary>A create's place under the quota: <see cref="Refusal"/> is the 429 to answer, or null to go ahead.</summary>
public sealed record QuotaReservation(IAsyncDisposable? Lock, ProblemHttpResult? Refusal) : IAsyncDisposable
{
    public static readonly QuotaReservation Unlimited = new(null, null);

    public ValueTask DisposeAsync() => Lock?.DisposeAsync() ?? ValueTask.CompletedTask;
}
