using Npgsql;
using SyncHire.Platform.Hosting;
using Xunit;

namespace SyncHire.OrleansStorage.Tests.Support;

/// <summary>
/// A fresh, empty PostgreSQL database on the server named by <c>SYNCHIRE_TEST_POSTGRES</c> (Orleans' schema goes in
/// its public schema, as in production), dropped on dispose. Without that variable the test is skipped, unless
/// <c>SYNCHIRE_REQUIRE_POSTGRES=1</c> (CI), where it fails instead.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ConnectionStringVariable = "SYNCHIRE_TEST_POSTGRES";
    public const string RequireVariable = "SYNCHIRE_REQUIRE_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private PostgresTestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Storage = DatabaseOptions.Postgres, ConnectionString = ConnectionString };

    /// <summary>Creates the database, or skips/fails the calling test when no server is configured.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken)
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

        var database = new PostgresTestDatabase(connectionString, $"orleans_test_{Guid.NewGuid():N}");
        await database.ExecuteAdminAsync($"CREATE DATABASE \"{database._name}\"", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends sessions a stopped silo's pools may still hold.
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
