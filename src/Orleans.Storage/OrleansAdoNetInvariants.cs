using SyncHire.Platform.Hosting;

namespace SyncHire.OrleansStorage;

/// <summary>The ADO.NET invariant names Orleans' providers are configured with, one per engine.</summary>
public static class OrleansAdoNetInvariants
{
    public const string Npgsql = "Npgsql";

    /// <summary>
    /// Orleans 10.4.2 names SQLite "System.Data.SQLite" (AdoNetInvariants.InvariantNameSqlLite) and maps that name to
    /// Microsoft.Data.Sqlite's SqliteFactory, loaded by assembly name, so no DbProviderFactories registration is
    /// needed. "Microsoft.Data.Sqlite" is not one of its invariants: the grain storage fails to start with a
    /// KeyNotFoundException from its dialect table.
    /// </summary>
    public const string Sqlite = "System.Data.SQLite";

    public static string For(DatabaseOptions database) => database.IsPostgres ? Npgsql : Sqlite;
}
