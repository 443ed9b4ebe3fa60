using System.Data.Common;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>How the platform's tables store values (times as Unix milliseconds, ids as text) and check arguments.</summary>
internal static class SqlValues
{
    /// <summary>Interview and delivery ids: generous for any id scheme, bounded for the index.</summary>
    public const int MaxIdLength = 128;

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? ToMs(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? ReadOptionalTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    public static string? ReadOptionalString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static void RequireText(string? value, int maxLength, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", paramName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters are allowed.", paramName);
        }
    }

    /// <summary>Deletes an interview's rows from a per-interview table (usage, webhook deliveries) on erasure.</summary>
    public static Task<int> DeleteByInterviewAsync(
        this SqlDialect dialect, string table, string tenantId, string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(interviewId);
        return dialect.ExecuteAsync(
            $"DELETE FROM {table} WHERE tenant_id = @tenant AND interview_id = @interview",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("interview", interviewId);
            },
            cancellationToken);
    }
}
