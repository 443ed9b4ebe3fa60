using SyncHire.Runtime.Storage;
using SyncHire.Runtime.Storage.Sql;
using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IClusterStorage"/> engine must show, run once per engine by a subclass. Each test
/// gets its own empty database; several storage instances on it stand for several silos (separate pools).
/// </summary>
public abstract partial class ClusterStorageContract : IAsyncDisposable
{
    private readonly List<IClusterStorage> _storages = [];
    private ITestDatabase? _database;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates this test's database; may skip the test when the engine is not available.</summary>
    protected abstract Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            if (storage is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>This test's database, once <see cref="NewStorageAsync"/> has created it.</summary>
    protected ITestDatabase Database => _database ?? throw new InvalidOperationException("Call NewStorageAsync first.");

    /// <summary>A storage instance on this test's database, as a separate silo would create it.</summary>
    protected async Task<IClusterStorage> NewStorageAsync(bool initialize = true)
    {
        _database ??= await CreateDatabaseAsync(Ct);
        var storage = ClusterStorageFactory.Create(_database.Provider, _database.ConnectionString);
        _storages.Add(storage);
        if (initialize)
        {
            await storage.InitializeAsync(Ct);
        }

        return storage;
    }

    /// <summary>
    /// Runs <paramref name="count"/> operations, each on its own storage instance, released together so they
    /// really overlap. With <paramref name="warmUp"/> every instance has already opened a connection (which needs
    /// the schema), so none starts late.
    /// </summary>
    protected async Task<T[]> RaceAsync<T>(int count, Func<IClusterStorage, int, Task<T>> operation, bool warmUp = true)
    {
        var contenders = new List<IClusterStorage>();
        for (var i = 0; i < count; i++)
        {
            var storage = await NewStorageAsync(initialize: false);
            if (warmUp)
            {
                await storage.ReadSilosAsync(Ct);
            }

            contenders.Add(storage);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = contenders.Select((storage, index) => Task.Run(async () =>
        {
            await start.Task;
            return await operation(storage, index);
        }, Ct)).ToArray();
        start.SetResult();
        return await Task.WhenAll(running);
    }

    protected static SiloRecord ActiveSilo(string siloId, long heartbeatMs = 1_000) =>
        new(siloId, $"http://{siloId}.test:11111", SiloStatus.Active, StartedAtMs: 500, LastHeartbeatMs: heartbeatMs, HostsGrains: true);

    protected static DirectoryEntry Entry(string grainId, string siloId, string activationId = "") =>
        new(grainId, siloId, activationId.Length == 0 ? $"{siloId}-activation" : activationId, CreatedAtMs: 2_000);
}
