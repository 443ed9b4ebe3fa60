using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncHire.Platform.Hosting;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Storage.Sql;
using SyncHire.Platform.Tenants;
using SyncHire.Testing;
using Xunit;

namespace SyncHire.Platform.Tests.Hosting;

/// <summary>The store as an app gets it: from the "Cluster" database settings, migrated and bootstrapped at startup.</summary>
public sealed class PlatformStoreRegistrationTests
{
    private const string AcmeKey = "dev-key-acme-0123456789";
    private const string GlobexKey = "dev-key-globex-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartingTheHostMigratesTheDatabaseAndMakesBootstrapKeysValid()
    {
        await using var database = SqliteTestDatabase.Create();

        // Two starts on the same database: the second must find everything in place and change nothing.
        for (var start = 0; start < 2; start++)
        {
            using var host = BuildHost(database, $"acme={AcmeKey}; globex={GlobexKey}");
            await host.StartAsync(Ct);

            var tenants = host.Services.GetRequiredService<ITenantDirectory>();
            Assert.Equal("acme", (await tenants.FindByApiKeyAsync(AcmeKey, Ct))?.TenantId);
            Assert.Equal("globex", (await tenants.FindByApiKeyAsync(GlobexKey, Ct))?.TenantId);
            Assert.Single(await tenants.ListApiKeysAsync("acme", Ct));
            // One store (one connection pool): each small interface is its part for that table.
            var store = host.Services.GetRequiredService<SqlPlatformStore>();
            Assert.Same(store, host.Services.GetRequiredService<IPlatformStore>());
            Assert.Same(store.Interviews, host.Services.GetRequiredService<IInterviewIndex>());

            await host.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task MalformedBootstrapKeysStopTheStartWithoutEchoingTheKey()
    {
        await using var database = SqliteTestDatabase.Create();
        using var host = BuildHost(database.Provider, database.ConnectionString, "acme=short");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("acme", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownStorageEngineStopsTheStartNamingIt()
    {
        using var host = BuildHost("oracle", "Data Source=x", bootstrapKeys: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("oracle", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:Storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingTheStoreTwiceKeepsOneStore()
    {
        var services = new ServiceCollection().AddPlatformStore().AddPlatformStore();

        Assert.Single(services, d => d.ServiceType == typeof(IPlatformStore));
    }

    private static IHost BuildHost(ITestDatabase database, string bootstrapKeys) =>
        BuildHost(database.Provider, database.ConnectionString, bootstrapKeys);

    private static IHost BuildHost(string storage, string connectionString, string? bootstrapKeys)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Storage"] = storage,
            ["Cluster:ConnectionString"] = connectionString,
            ["Platform:BootstrapApiKeys"] = bootstrapKeys,
        });
        builder.Services.AddLogging();
        builder.Services.AddPlatformStore();
        return builder.Build();
    }
}
