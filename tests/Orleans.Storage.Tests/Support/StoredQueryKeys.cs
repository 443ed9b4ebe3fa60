using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SyncHire.OrleansStorage.Tests.Support;

/// <summary>The OrleansQuery keys a migrated database holds, in ordinal order (not the server collation's).</summary>
public static class StoredQueryKeys
{
    public static Task<string[]> ReadPostgresAsync(string connectionString) => ReadAsync(new NpgsqlConnection(connectionString));

    public static Task<string[]> ReadSqliteAsync(string connectionString) => ReadAsync(new SqliteConnection(connectionString));

    private static async Task<string[]> ReadAsync(DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT QueryKey FROM OrleansQuery";
            await using var reader = await command.ExecuteReaderAsync();
            var keys = new List<string>();
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }

            return [.. keys.Order(StringComparer.Ordinal)];
        }
    }
}
