using System.Globalization;
using SyncHire.Platform.Tenants;
using SyncHire.Platform.Usage;

using static SyncHire.Platform.Storage.Sql.SqlValues;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>The usage ledger (platform_usage): what each interview used, summed per tenant and period.</summary>
internal sealed class SqlUsageLedger(SqlDialect dialect) : IUsageLedger
{
    public async Task RecordUsageAsync(IReadOnlyCollection<UsageRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            RequireValid(record);
        }

        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (var record in records)
        {
            await using var insert = connection.CreateCommand(
                transaction,
                "INSERT INTO platform_usage (interview_id, tenant_id, kind, amount, at_ms, model) VALUES (@interview, @tenant, @kind, @amount, @at, @model)");
            insert.AddParameter("interview", record.InterviewId);
            insert.AddParameter("tenant", record.TenantId);
            insert.AddParameter("kind", record.Kind);
            insert.AddParameter("amount", record.Amount);
            insert.AddParameter("at", ToMs(record.At));
            insert.AddParameter("model", record.Model);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UsageTotal>> SumUsageAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        var totals = await dialect.ReadAsync(
            "SELECT kind, SUM(amount) FROM platform_usage WHERE tenant_id = @tenant AND at_ms >= @from AND at_ms < @to GROUP BY kind",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("from", ToMs(from));
                command.AddParameter("to", ToMs(to));
            },
            reader => new UsageTotal(reader.GetString(0), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture)),
            cancellationToken);

        // Ordinal order in C#: the database's collation (e.g. en_US on PostgreSQL) would weigh '_' differently.
        return [.. totals.OrderBy(total => total.Kind, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<UsageTotal>> SumUsageByModelAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        var totals = await dialect.ReadAsync(
            "SELECT kind, model, SUM(amount) FROM platform_usage WHERE tenant_id = @tenant AND at_ms >= @from AND at_ms < @to AND model IS NOT NULL GROUP BY kind, model",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("from", ToMs(from));
                command.AddParameter("to", ToMs(to));
            },
            reader => new UsageTotal(reader.GetString(0), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(1)),
            cancellationToken);
        return [.. totals.OrderBy(total => total.Kind, StringComparer.Ordinal).ThenBy(total => total.Model, StringComparer.Ordinal)];
    }

    public Task<int> DeleteUsageAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        dialect.DeleteByInterviewAsync("platform_usage", tenantId, interviewId, cancellationToken);

    private static void RequireValid(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireText(record.InterviewId, MaxIdLength, nameof(record.InterviewId));
        TenantIds.Require(record.TenantId, nameof(record.TenantId));
        if (!UsageKinds.IsValid(record.Kind))
        {
            throw new ArgumentException(
                $"Usage kind '{record.Kind}' is not 1–{UsageKinds.MaxLength} lowercase letters, digits or '_'.", nameof(record.Kind));
        }

        if (record.Model is { } model && (model.Length == 0 || model.Length > UsageRecord.MaxModelLength))
        {
            throw new ArgumentException($"A model name is 1–{UsageRecord.MaxModelLength} characters.", nameof(record.Model));
        }

        if (!double.IsFinite(record.Amount) || record.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(record.Amount), record.Amount, "A usage amount is a finite number, zero or more.");
        }
    }
}
