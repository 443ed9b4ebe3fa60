using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.OrleansStorage;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's Schema behaviour, run on every engine (see the classes at the end).</summary>
public abstract class SchemaContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    /// <summary>The platform's migrations so far: each is recorded once, however many processes run them.</summary>
    private const int SchemaVersions = 3;

    [Fact]
    public async Task InitializingAgainKeepsEverythingWritten()
    {
        var store = await NewStoreAsync();
        Assert.True(await store.CreateTenantAsync("acme", "Acme Hiring", Ct));

        await store.InitializeAsync(Ct);
        await (await NewStoreAsync(initialize: false)).InitializeAsync(Ct);

        Assert.Equal("Acme Hiring", (await store.GetTenantAsync("acme", Ct))?.Name);
        Assert.Equal(SchemaVersions, await ScalarAsync("SELECT COUNT(*) FROM platform_schema_version"));
    }

    [Fact]
    public async Task ProcessesStartingAtOnceBesideTheClusterAllInitializeTheSameSchema()
    {
        var database = await DatabaseAsync();

        // Eight platform stores and Orleans' schema migration, all on an empty database at the same moment.
        var clusterInit = Task.Run(() => OrleansDatabaseSchema.MigrateAsync(database.Options, NullLogger.Instance, Ct), Ct);
        var initialized = await RaceAsync(8, async (store, _) =>
        {
            await store.InitializeAsync(Ct);
            return true;
        }, warmUp: false);
        await clusterInit;

        Assert.All(initialized, Assert.True);
        var store = await NewStoreAsync(initialize: false);
        Assert.True(await store.CreateTenantAsync("acme", "Acme", Ct));
        Assert.Equal("acme", (await store.GetTenantAsync("acme", Ct))?.Id);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM platform_schema_version WHERE version = 1"));
        Assert.Equal(SchemaVersions, await ScalarAsync("SELECT COUNT(*) FROM platform_schema_version"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM orleansstorage"));
    }
}

public sealed class SchemaOnSqlite : SchemaContract<SqliteEngine>;

public sealed class SchemaOnPostgres : SchemaContract<PostgresEngine>;
