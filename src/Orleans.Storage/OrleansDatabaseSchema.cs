using Microsoft.Extensions.Logging;
using SyncHire.Platform.Hosting;

namespace SyncHire.OrleansStorage;

/// <summary>
/// Creates what Orleans' providers need in the deployment's database: on PostgreSQL the ADO.NET clustering, grain
/// storage and reminder tables, functions and queries; on SQLite the ADO.NET grain storage and SyncHire's reminder
/// table. Idempotent and safe when several silos start at once, so every silo runs it at start.
/// </summary>
public static class OrleansDatabaseSchema
{
    public static Task MigrateAsync(DatabaseOptions database, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(database.ConnectionString);

        return database.IsPostgres
            ? PostgresOrleansSchema.MigrateAsync(database.ConnectionString, logger, ct)
            : SqliteOrleansSchema.MigrateAsync(database.ConnectionString, logger, ct);
    }

    /// <summary>Throws when a key the providers read is not in OrleansQuery after the scripts ran.</summary>
    internal static void EnsureQueryKeys(IReadOnlyCollection<string> present, IReadOnlyList<string> expected, string engine)
    {
        var missing = expected.Except(present, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The {engine} Orleans schema lacks the OrleansQuery keys {string.Join(", ", missing)} that Orleans' ADO.NET providers read.");
        }
    }
}
