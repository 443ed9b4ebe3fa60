using System.Data.Common;
using System.Text;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Tenants;

using static SyncHire.Platform.Storage.Sql.SqlValues;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>The interview index (platform_interviews): one row per interview, kept current by its grain, listed and counted per tenant.</summary>
internal sealed class SqlInterviewIndex(SqlDialect dialect) : IInterviewIndex
{
    private const int MaxFieldLength = 500;
    private const int MaxRetentionBatch = 1000;

    private const string InterviewColumns =
        "interview_id, tenant_id, status, candidate_name, job_title, skill_topic, level, provider, created_at_ms, started_at_ms, ended_at_ms, end_reason";

    public async Task UpsertInterviewAsync(InterviewIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        RequireText(entry.InterviewId, MaxIdLength, nameof(entry.InterviewId));
        TenantIds.Require(entry.TenantId, nameof(entry.TenantId));
        RequireText(entry.Status, 32, nameof(entry.Status));
        RequireText(entry.CandidateName, MaxFieldLength, nameof(entry.CandidateName));
        RequireText(entry.JobTitle, MaxFieldLength, nameof(entry.JobTitle));
        RequireText(entry.SkillTopic, MaxFieldLength, nameof(entry.SkillTopic));
        RequireText(entry.Level, 32, nameof(entry.Level));
        RequireText(entry.Provider, 64, nameof(entry.Provider));
        if (entry.EndReason is { Length: > MaxFieldLength })
        {
            throw new ArgumentException($"At most {MaxFieldLength} characters are allowed.", nameof(entry.EndReason));
        }

        // The WHERE on the update turns an upsert into someone else's row into a no-op, reported as 0 rows.
        var written = await dialect.ExecuteAsync(
            $"""
            INSERT INTO platform_interviews ({InterviewColumns}, candidate_name_folded)
            VALUES (@id, @tenant, @status, @candidate, @job, @topic, @level, @provider, @created, @started, @ended, @reason, @folded)
            ON CONFLICT (interview_id) DO UPDATE SET
                status = excluded.status, candidate_name = excluded.candidate_name,
                candidate_name_folded = excluded.candidate_name_folded, job_title = excluded.job_title,
                skill_topic = excluded.skill_topic, level = excluded.level, provider = excluded.provider,
                started_at_ms = excluded.started_at_ms, ended_at_ms = excluded.ended_at_ms, end_reason = excluded.end_reason
            WHERE platform_interviews.tenant_id = excluded.tenant_id
            """,
            command =>
            {
                command.AddParameter("id", entry.InterviewId);
                command.AddParameter("tenant", entry.TenantId);
                command.AddParameter("status", entry.Status);
                command.AddParameter("candidate", entry.CandidateName);
                command.AddParameter("job", entry.JobTitle);
                command.AddParameter("topic", entry.SkillTopic);
                command.AddParameter("level", entry.Level);
                command.AddParameter("provider", entry.Provider);
                command.AddParameter("created", ToMs(entry.CreatedAt));
                command.AddParameter("started", ToMs(entry.StartedAt));
                command.AddParameter("ended", ToMs(entry.EndedAt));
                command.AddParameter("reason", entry.EndReason);
                command.AddParameter("folded", entry.CandidateName.ToLowerInvariant());
            },
            cancellationToken);
        if (written != 1)
        {
            throw new InvalidOperationException($"Interview '{entry.InterviewId}' is indexed under another tenant; it was not changed.");
        }
    }

    public async Task<InterviewIndexEntry?> GetInterviewAsync(string tenantId, string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(interviewId);
        var rows = await dialect.ReadAsync(
            $"SELECT {InterviewColumns} FROM platform_interviews WHERE tenant_id = @tenant AND interview_id = @id",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("id", interviewId);
            },
            ReadInterview,
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<InterviewPage> ListInterviewsAsync(string tenantId, InterviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query.Limit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, InterviewQuery.MaxLimit, nameof(query.Limit));
        InterviewCursor? after = query.Cursor is null ? null : InterviewCursor.Decode(query.Cursor);

        // Only the filters in use become SQL: PostgreSQL cannot type a parameter that is only ever NULL.
        var sql = new StringBuilder($"SELECT {InterviewColumns} FROM platform_interviews WHERE tenant_id = @tenant");
        var bindings = new List<(string Name, object Value)> { ("tenant", tenantId) };
        if (query.Status is not null)
        {
            sql.Append(" AND status = @status");
            bindings.Add(("status", query.Status));
        }

        if (query.CreatedFrom is { } from)
        {
            sql.Append(" AND created_at_ms >= @from");
            bindings.Add(("from", ToMs(from)));
        }

        if (query.CreatedTo is { } to)
        {
            sql.Append(" AND created_at_ms < @to");
            bindings.Add(("to", ToMs(to)));
        }

        if (!string.IsNullOrEmpty(query.CandidateNameContains))
        {
            sql.Append(@" AND candidate_name_folded LIKE @name ESCAPE '\'");
            bindings.Add(("name", $"%{EscapeLike(query.CandidateNameContains.ToLowerInvariant())}%"));
        }

        if (after is { } cursor)
        {
            sql.Append(" AND (created_at_ms < @afterCreated OR (created_at_ms = @afterCreated AND interview_id < @afterId))");
            bindings.Add(("afterCreated", cursor.CreatedAtMs));
            bindings.Add(("afterId", cursor.InterviewId));
        }

        // One row more than asked tells whether another page exists.
        sql.Append(" ORDER BY created_at_ms DESC, interview_id DESC LIMIT @limit");
        bindings.Add(("limit", query.Limit + 1));

        var rows = await dialect.ReadAsync(
            sql.ToString(),
            command =>
            {
                foreach (var (name, value) in bindings)
                {
                    command.AddParameter(name, value);
                }
            },
            ReadInterview,
            cancellationToken);

        if (rows.Count <= query.Limit)
        {
            return new InterviewPage(rows, null);
        }

        var page = rows.Take(query.Limit).ToList();
        var last = page[^1];
        return new InterviewPage(page, new InterviewCursor(ToMs(last.CreatedAt), last.InterviewId).Encode());
    }

    public async Task<bool> DeleteInterviewAsync(string tenantId, string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(interviewId);
        var deleted = await dialect.ExecuteAsync(
            "DELETE FROM platform_interviews WHERE tenant_id = @tenant AND interview_id = @id",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("id", interviewId);
            },
            cancellationToken);
        return deleted == 1;
    }

    public Task<IReadOnlyList<EndedInterview>> ListEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxRetentionBatch);
        return dialect.ReadAsync(
            """
            SELECT interview_id, tenant_id, ended_at_ms FROM platform_interviews
            WHERE ended_at_ms IS NOT NULL AND ended_at_ms < @cutoff
            ORDER BY ended_at_ms, interview_id LIMIT @limit
            """,
            command =>
            {
                command.AddParameter("cutoff", ToMs(cutoff));
                command.AddParameter("limit", limit);
            },
            reader => new EndedInterview(reader.GetString(0), reader.GetString(1), FromMs(reader.GetInt64(2))),
            cancellationToken);
    }

    /// <summary>Makes '%', '_' and the escape character itself match literally.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static InterviewIndexEntry ReadInterview(DbDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7),
            FromMs(reader.GetInt64(8)),
            ReadOptionalTime(reader, 9),
            ReadOptionalTime(reader, 10),
            ReadOptionalString(reader, 11));

    public async Task<int> CountInterviewsAsync(string tenantId, IReadOnlyList<string> statuses, int atMost, CancellationToken cancellationToken)
    {
        RequireText(tenantId, TenantIds.MaxLength, nameof(tenantId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(atMost);
        if (statuses.Count == 0)
        {
            return 0;
        }

        var names = string.Join(", ", statuses.Select((_, index) => $"@status{index}"));
        var rows = await dialect.ReadAsync(
            $"SELECT COUNT(*) FROM (SELECT 1 FROM platform_interviews WHERE tenant_id = @tenant AND status IN ({names}) LIMIT @limit) AS counted",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                for (var index = 0; index < statuses.Count; index++)
                {
                    command.AddParameter($"status{index}", statuses[index]);
                }

                command.AddParameter("limit", atMost);
            },
            reader => Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);
        return rows[0];
    }
}
