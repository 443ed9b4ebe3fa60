using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SyncHire.Gateway.Errors;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Platform.Interviews;

namespace SyncHire.Gateway.Limits;

/// <summary>
/// The concurrent-interview quota: how many interviews a tenant may have waiting for or talking to a candidate.
/// Counted from the interview index at create time, so it holds across gateways; two creates racing on the last
/// slot may both pass (a soft limit, by at most the number of simultaneous creates).
/// </summary>
public sealed class InterviewQuota(TenantLimitOptions options, IInterviewIndex index)
{
    /// <summary>A slot frees when an interview ends; a minute is a fair first wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    private static readonly string[] OpenStatuses =
        [ServerEvents.StatusName(InterviewStatus.Created), ServerEvents.StatusName(InterviewStatus.InProgress)];

    /// <summary>
    /// The 429 to answer when the tenant is at its quota (Retry-After is then set on <paramref name="response"/>);
    /// null when one more interview is allowed.
    /// </summary>
    public async Task<ProblemHttpResult?> CheckAsync(string tenantId, HttpResponse response, CancellationToken cancellationToken)
    {
        var max = options.MaxConcurrentInterviews;
        if (max == 0)
        {
            return null;
        }

        var open = 0;
        foreach (var status in OpenStatuses)
        {
            string? cursor = null;
            do
            {
                // Stops counting as soon as the quota is reached: the cost is bounded by the quota, not the history.
                var page = await index.ListInterviewsAsync(tenantId,
                    new InterviewQuery(Status: status, Cursor: cursor, Limit: InterviewQuery.MaxLimit), cancellationToken);
                open += page.Items.Count;
                cursor = page.NextCursor;
            }
            while (cursor is not null && open < max);

            if (open >= max)
            {
                response.Headers[HeaderNames.RetryAfter] = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Problems.Of(StatusCodes.Status429TooManyRequests, ApiErrorCodes.InterviewQuotaExceeded,
                    "Too many open interviews",
                    $"The tenant already has {max} interviews created or in progress; end or delete one, or retry later.");
            }
        }

        return null;
    }
}
