using System.Data.Common;

namespace SyncHire.Runtime.Storage.Sql;

/// <summary>
/// <see cref="IClusterStorage"/> over ADO.NET, shared by PostgreSQL and SQLite. Each operation opens a pooled
/// connection, runs one statement or one short write transaction, and returns it. The split by concern lives in
/// the partial files (Membership, Directory, State, Reminders).
/// </summary>
internal sealed partial class SqlClusterStorage(SqlDialect dialect) : IClusterStorage, IAsyncDisposable
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new SqlMigrator(dialect, SqlSchema.VersionTable, SqlSchema.Migrations).MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        dialect.ExecuteAsync(sql, bind, cancellationToken);

    private Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        dialect.ReadAsync(sql, bind, map, cancellationToken);
}
