using System.Data.Common;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// <see cref="IPlatformStore"/> over ADO.NET, written once in SQL that PostgreSQL and SQLite both accept. Each
/// operation opens a pooled connection, runs one statement or one short write transaction, and returns it. The
/// split by concern lives in the partial files (Tenants, Interviews, Webhooks, Usage, Invitations).
/// </summary>
public sealed partial class SqlPlatformStore : IPlatformStore, IAsyncDisposable
{
    private readonly SqlDialect _dialect;

    /// <param name="provider">"sqlite" or "postgres", as in Cluster:Storage.</param>
    /// <param name="connectionString">The cluster's connection string: the platform's tables sit beside the cluster's.</param>
    public SqlPlatformStore(string provider, string connectionString)
    {
        _dialect = PlatformDialects.Create(provider, connectionString);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new SqlMigrator(_dialect, PlatformSchema.VersionTable, PlatformSchema.Migrations).MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static long? ToMs(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? ReadOptionalTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    private static string? ReadOptionalString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void RequireText(string? value, int maxLength, string paramName)
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

    private Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        _dialect.ExecuteAsync(sql, bind, cancellationToken);

    /// <summary>For statements that write and return rows (RETURNING): never retried.</summary>
    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        _dialect.QueryAsync(sql, bind, map, cancellationToken);

    private Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        _dialect.ReadAsync(sql, bind, map, cancellationToken);
}
