using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Tenants;
using SyncHire.Platform.Usage;

namespace SyncHire.Gateway.Usage;

/// <summary>GET /api/usage?from=&amp;to=: what the caller's interviews consumed over a period, summed per kind.</summary>
public static class UsageApi
{
    public static RouteGroupBuilder MapUsageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/usage").WithTags("Usage").RequireTenant();
        group.MapGet("/", GetUsage).WithName("GetUsage")
            .WithSummary("Sum the tenant's usage per kind over a period (default: the current month)");
        return group;
    }

    /// <param name="from">Inclusive start (ISO 8601); default: the first day of the current month, UTC.</param>
    /// <param name="to">Exclusive end (ISO 8601); default: the first day of the next month.</param>
    private static async Task<Results<Ok<UsageResponse>, ValidationProblem>> GetUsage(
        string? from, string? to, TenantContext tenant, IUsageLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var errors = new Dictionary<string, string[]>();
        var start = Parse(from, nameof(from), monthStart, errors);
        var end = Parse(to, nameof(to), from is null ? monthStart.AddMonths(1) : start.AddMonths(1), errors);
        if (errors.Count == 0 && end <= start)
        {
            errors[nameof(to)] = ["Must be later than 'from'."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var totals = await ledger.SumUsageAsync(tenant.TenantId, start, end, cancellationToken);
        var byModel = await ledger.SumUsageByModelAsync(tenant.TenantId, start, end, cancellationToken);
        return TypedResults.Ok(new UsageResponse(tenant.TenantId, start, end,
            [.. totals.Select(t => new UsageAmount(t.Kind, t.Amount))],
            [.. byModel.Select(t => new ModelUsageAmount(t.Kind, t.Model!, t.Amount))]));
    }

    private static DateTimeOffset Parse(string? value, string field, DateTimeOffset fallback, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[field] = ["Must be an ISO 8601 date or time, e.g. 2025-01-01 or 2025-01-01T00:00:00Z."];
        return fallback;
    }
}

/// <param name="From">Inclusive.</param>
/// <param name="To">Exclusive.</param>
/// <param name="Usage">
/// Per kind, by kind: audio_in_seconds, audio_out_seconds, input_tokens, output_tokens, cached_tokens, and the audio
/// parts of the token totals (input_audio_tokens, cached_audio_tokens, output_audio_tokens). Kinds with nothing are left out.
/// </param>
/// <param name="ByModel">
/// The model tokens again, split by the model that consumed them (the realtime model, the transcription model, the
/// evaluation model…), since prices are per model: what a cost calculation multiplies by each model's price.
/// </param>
public sealed record UsageResponse(string TenantId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<UsageAmount> Usage,
    IReadOnlyList<ModelUsageAmount> ByModel);

public sealed record UsageAmount(string Kind, double Amount);

public sealed record ModelUsageAmount(string Kind, string Model, double Amount);
