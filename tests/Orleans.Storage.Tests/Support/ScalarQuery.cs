using Microsoft.Data.Sqlite;
using Npgsql;

namespace SyncHire.OrleansStorage.Tests.Support;

/// <summary>One number read straight from a test database, to see which tables a silo wrote to.</summary>
public static class ScalarQuery
{
    public static async Task<long> SqliteAsync(string connectionString, string sql, string id)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("@id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task<long> PostgresAsync(string connectionString, string sql, string id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
