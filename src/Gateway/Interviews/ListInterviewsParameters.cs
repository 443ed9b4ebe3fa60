using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Platform.Interviews;

namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The query of GET /api/interviews, as sent: strings, so that each bad value is reported against its parameter
/// by <see cref="ToQuery"/> rather than failing binding.
/// </summary>
/// <param name="Status">created, in_progress or completed.</param>
/// <param name="CreatedFrom">ISO 8601 time; interviews created at or after it.</param>
/// <param name="CreatedTo">ISO 8601 time; interviews created before it.</param>
/// <param name="Candidate">Part of the candidate's name, any case.</param>
/// <param name="Cursor">The previous page's nextCursor.</param>
/// <param name="Limit">Page size, 1–100 (default 20).</param>
public sealed record ListInterviewsParameters(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "createdFrom")] string? CreatedFrom,
    [FromQuery(Name = "createdTo")] string? CreatedTo,
    [FromQuery(Name = "candidate")] string? Candidate,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "limit")] string? Limit)
{
    private static readonly string[] Statuses =
        [.. Enum.GetValues<InterviewStatus>().Select(ServerEvents.StatusName)];

    /// <summary>The index query, or null with <paramref name="errors"/> naming each bad parameter.</summary>
    public InterviewQuery? ToQuery(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var status = Blank(Status)?.ToLowerInvariant();
        if (status is not null && !Statuses.Contains(status))
        {
            errors["status"] = [$"status must be one of {string.Join(", ", Statuses)}."];
        }

        var from = ParseTime(CreatedFrom, "createdFrom", errors);
        var to = ParseTime(CreatedTo, "createdTo", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["createdTo"] = ["createdTo must be later than createdFrom."];
        }

        var candidate = Blank(Candidate);
        if (candidate is { Length: > InterviewLimits.MaxNameLength })
        {
            errors["candidate"] = [$"candidate must be at most {InterviewLimits.MaxNameLength} characters."];
        }

        var limit = InterviewQuery.DefaultLimit;
        if (Blank(Limit) is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > InterviewQuery.MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {InterviewQuery.MaxLimit}."];
        }

        return errors.Count > 0 ? null : new InterviewQuery(status, from, to, candidate, Blank(Cursor), limit);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors[field] = [$"{field} must be an ISO 8601 time such as 2025-01-31T09:00:00Z."];
        return null;
    }
}
