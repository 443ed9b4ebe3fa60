using Npgsql;
using SyncHire.Platform.Hosting;
using Xunit;

namespace SyncHire.Testing;

/// <summary>
/// A fresh schema <c>t_&lt;guid&gt;</c> (reached through <c>Search Path</c>) or a whole fresh database in the
/// PostgreSQL named by <c>SYNCHIRE_TEST_POSTGRES</c>, so tests never see each other's tables; dropped on dispose. Without that variable the test
/// is skipped, unless <c>SYNCHIRE_REQUIRE_POSTGRES=1</c> (CI), where it fails instead.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string ConnectionStringVariable = "SYNCHIRE_TEST_POSTGRES";
    public const string RequireVariable = "SYNCHIRE_REQUIRE_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;
    private readonly string _dropSql;

    private PostgresTestDatabase(string adminConnectionString, string name, bool wholeDatabase)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        // The application name marks this test's sessions, so a test can cut exactly them (CutSessionsAsync).
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { ApplicationName = name };
        if (wholeDatabase)
        {
            builder.Database = name;
            // FORCE ends sessions a stopped silo's pools may still hold.
            _dropSql = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        }
        else
        {
            builder.SearchPath = name;
            _dropSql = $"DROP SCHEMA IF EXISTS \"{name}\" CASCADE";
        }

        ConnectionString = builder.ConnectionString;
    }

    public string Provider => DatabaseOptions.Postgres;

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Storage = Provider, ConnectionString = ConnectionString };

    /// <summary>Creates the isolated schema, or skips/fails the calling test when no server is configured.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var database = new PostgresTestDatabase(RequireServer(), $"t_{Guid.NewGuid():N}", wholeDatabase: false);
        await database.ExecuteAdminAsync($"CREATE SCHEMA \"{database._name}\"", cancellationToken);
        return database;
    }

    /// <summary>
    /// Creates a whole fresh database (for what must sit in the public schema, as Orleans' ADO.NET schema does in
    /// production), or skips/fails the calling test when no server is configured.
    /// </summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var database = new PostgresTestDatabase(RequireServer(), $"t_{Guid.NewGuid():N}", wholeDatabase: true);
        await database.ExecuteAdminAsync($"CREATE DATABASE \"{database._name}\"", cancellationToken);
        return database;
    }

    private static string RequireServer()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                Assert.Fail($"{RequireVariable}=1 but {ConnectionStringVariable} is not set: PostgreSQL tests must run here. "
                    + "Start the server with scripts/start-postgres.sh and export the connection string it prints.");
            }

            Assert.Skip($"PostgreSQL tests need a server: set {ConnectionStringVariable} (scripts/start-postgres.sh prints the value).");
        }

        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections of this database's data sources would otherwise linger until the pool prunes them.
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAdminAsync(_dropSql, CancellationToken.None);
    }

    /// <summary>Ends every session opened with this database's connection string, as a server restart would.</summary>
    public Task CutSessionsAsync(CancellationToken cancellationToken) =>
        ExecuteAdminAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{_name}' AND pid <> pg_backend_pid()",
            cancellationToken);

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
