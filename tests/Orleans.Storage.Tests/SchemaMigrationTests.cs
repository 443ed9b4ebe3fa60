using SyncHire.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SyncHire.OrleansStorage.Tests.Support;
using SyncHire.Platform.Hosting;
using Xunit;

namespace SyncHire.OrleansStorage.Tests;

/// <summary>
/// The migration on real databases: it may run again (every silo start does) and from several silos at once (pods of
/// one rollout), and it leaves exactly the OrleansQuery keys Orleans' providers read.
/// </summary>
public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task Sqlite_migration_runs_twice_and_leaves_the_persistence_keys()
    {
        await using var file = new SqliteTestFile();

        await MigrateAsync(file.Options);
        await MigrateAsync(file.Options);

        Assert.True(File.Exists(file.Path), "the migration creates the file and its folder");
        Assert.Equal(Sorted(OrleansQueryKeys.Sqlite), await StoredQueryKeys.ReadSqliteAsync(file.ConnectionString));
        Assert.Equal(["OrleansQuery", "OrleansStorage", "SyncHireReminders"], await SqliteTablesAsync(file.ConnectionString));
    }

    [Fact]
    public async Task Sqlite_migration_runs_four_times_concurrently_on_a_new_file()
    {
        await using var file = new SqliteTestFile();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => MigrateAsync(file.Options))));

        Assert.Equal(Sorted(OrleansQueryKeys.Sqlite), await StoredQueryKeys.ReadSqliteAsync(file.ConnectionString));
        Assert.Equal(["OrleansQuery", "OrleansStorage", "SyncHireReminders"], await SqliteTablesAsync(file.ConnectionString));
    }

    [Fact]
    public async Task Postgres_migration_runs_twice_and_leaves_the_keys_of_all_three_providers()
    {
        await using var database = await PostgresTestDatabase.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await MigrateAsync(database.Options);
        await MigrateAsync(database.Options);

        Assert.Equal(Sorted(OrleansQueryKeys.Postgres), await StoredQueryKeys.ReadPostgresAsync(database.ConnectionString));
        Assert.Equal(PostgresTables, await PostgresTablesAsync(database.ConnectionString));
        Assert.Equal(PostgresFunctions, await PostgresFunctionsAsync(database.ConnectionString));
    }

    [Fact]
    public async Task Postgres_migration_runs_four_times_concurrently_on_a_new_database()
    {
        await using var database = await PostgresTestDatabase.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => MigrateAsync(database.Options))));

        Assert.Equal(Sorted(OrleansQueryKeys.Postgres), await StoredQueryKeys.ReadPostgresAsync(database.ConnectionString));
        Assert.Equal(PostgresTables, await PostgresTablesAsync(database.ConnectionString));
        Assert.Equal(PostgresFunctions, await PostgresFunctionsAsync(database.ConnectionString));
    }

    private static readonly string[] PostgresTables =
        ["orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage"];

    private static readonly string[] PostgresFunctions =
    [
        "delete_reminder_row", "insert_membership", "insert_membership_version", "update_i_am_alive_time", "update_membership",
        "upsert_reminder_row", "writetostorage",
    ];

    private static Task MigrateAsync(DatabaseOptions database) =>
        OrleansDatabaseSchema.MigrateAsync(database, NullLogger.Instance, TestContext.Current.CancellationToken);

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    private static async Task<string[]> SqliteTablesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return await ReadStringsAsync(new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", connection));
    }

    private static async Task<string[]> PostgresTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ReadStringsAsync(new NpgsqlCommand(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'", connection));
    }

    private static async Task<string[]> PostgresFunctionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // One row per function: a second CREATE would have made an overload rather than replaced it.
        return await ReadStringsAsync(new NpgsqlCommand(
            "SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'",
            connection));
    }

    private static async Task<string[]> ReadStringsAsync(System.Data.Common.DbCommand command)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return [.. values.Order(StringComparer.Ordinal)];
        }
    }
}
