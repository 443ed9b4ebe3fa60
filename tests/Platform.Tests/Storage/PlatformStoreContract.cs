using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Storage.Sql;
using SyncHire.Testing;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>
/// What every platform store contract test stands on: its own empty database on <typeparamref name="TEngine"/>, and
/// several store instances on it standing for several processes (separate pools). One contract class per table
/// (<c>*Contract.cs</c>), each run once per engine.
/// </summary>
public abstract class PlatformStoreContract<TEngine> : IAsyncDisposable
    where TEngine : ITestEngine
{
    /// <summary>2026-01-01T00:00:00Z: a fixed clock, whole milliseconds as stored.</summary>
    protected static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000);

    private readonly List<IAsyncDisposable> _stores = [];
    private ITestDatabase? _database;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;


    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task<ITestDatabase> DatabaseAsync() => _database ??= await TEngine.CreateDatabaseAsync(Ct);

    /// <summary>A store on this test's database, as a separate process would create it.</summary>
    protected async Task<SqlPlatformStore> NewStoreAsync(bool initialize = true)
    {
        var database = await DatabaseAsync();
        var store = new SqlPlatformStore(database.Provider, database.ConnectionString);
        _stores.Add(store);
        if (initialize)
        {
            await store.InitializeAsync(Ct);
        }

        return store;
    }

    /// <summary>
    /// Runs <paramref name="count"/> operations, each on its own store, released together so they really overlap.
    /// With <paramref name="warmUp"/> every store has already opened a connection (which needs the schema).
    /// </summary>
    protected async Task<T[]> RaceAsync<T>(int count, Func<SqlPlatformStore, int, Task<T>> operation, bool warmUp = true)
    {
        var contenders = new List<SqlPlatformStore>();
        for (var i = 0; i < count; i++)
        {
            var store = await NewStoreAsync(initialize: false);
            if (warmUp)
            {
                await store.GetTenantAsync("warm-up", Ct);
            }

            contenders.Add(store);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = contenders.Select((store, index) => Task.Run(async () =>
        {
            await start.Task;
            return await operation(store, index);
        }, Ct)).ToArray();
        start.SetResult();
        return await Task.WhenAll(running);
    }

    /// <summary>Every value of every row of a table, as text: to prove what a table does not hold.</summary>
    protected async Task<string> DumpTableAsync(string table)
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        return string.Join("\n", values);
    }

    /// <summary>A single number read straight from the database, past the store.</summary>
    protected async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenRawConnectionAsync()
    {
        var database = await DatabaseAsync();
        DbConnection connection = database.Provider == Platform.Hosting.DatabaseOptions.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    protected static InterviewIndexEntry Interview(string id, string tenantId, DateTimeOffset createdAt, string status = "created", string candidate = "Ada Lovelace") =>
        new(id, tenantId, status, candidate, "Backend Engineer", "C# and distributed systems", "intermediate", "offline", createdAt);
}
