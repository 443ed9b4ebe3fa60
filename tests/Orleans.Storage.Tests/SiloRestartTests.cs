using SyncHire.Testing;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using SyncHire.OrleansStorage.Tests.Grains;
using SyncHire.OrleansStorage.Tests.Support;
using Xunit;

namespace SyncHire.OrleansStorage.Tests;

/// <summary>
/// Real silos on a real database through <see cref="SyncHireDatabaseSiloBuilderExtensions.UseSyncHireDatabase"/>:
/// grain state written and a reminder registered by one silo are there for the next silo on the same database,
/// whose reminder service fires the reminder with nobody calling the grain.
/// </summary>
public sealed class SiloRestartTests
{
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(2);

    /// <summary>Generous: a tick is due every two seconds; the wait ends as soon as it comes.</summary>
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sqlite_state_and_reminders_survive_a_silo_restart()
    {
        await using var file = new SqliteTestFile();
        var (serviceId, clusterId) = Ids();

        await StateAndReminderSurviveRestartAsync(() => CreateSilo(silo => silo
            .UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: serviceId, clusterId: clusterId)
            .UseSyncHireDatabase(file.Options)));

        // Orleans' ADO.NET grain storage and SyncHire's reminder table, in the one file.
        Assert.Equal(2, await ScalarQuery.SqliteAsync(file.ConnectionString, "SELECT COUNT(*) FROM OrleansStorage WHERE ServiceId = @id", serviceId));
        Assert.Equal(1, await ScalarQuery.SqliteAsync(file.ConnectionString, "SELECT COUNT(*) FROM SyncHireReminders WHERE ServiceId = @id", serviceId));
    }

    [Fact]
    public async Task Postgres_state_and_reminders_survive_a_silo_restart_with_adonet_clustering()
    {
        await using var database = await PostgresTestDatabase.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var (serviceId, clusterId) = Ids();

        await StateAndReminderSurviveRestartAsync(() => CreateSilo(silo => silo
            .Configure<ClusterOptions>(o =>
            {
                o.ServiceId = serviceId;
                o.ClusterId = clusterId;
            })
            .Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloPort = FreePorts.Next();
                o.GatewayPort = FreePorts.Next();
            })
            .UseSyncHireDatabase(database.Options)));

        // All three ADO.NET providers wrote to the database: grain state, the reminder, and one membership row per silo.
        Assert.Equal(2, await ScalarQuery.PostgresAsync(database.ConnectionString, "SELECT COUNT(*) FROM OrleansStorage WHERE ServiceId = @id", serviceId));
        Assert.Equal(1, await ScalarQuery.PostgresAsync(database.ConnectionString, "SELECT COUNT(*) FROM OrleansRemindersTable WHERE ServiceId = @id", serviceId));
        Assert.Equal(2, await ScalarQuery.PostgresAsync(database.ConnectionString, "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @id", clusterId));
    }

    private static async Task StateAndReminderSurviveRestartAsync(Func<IHost> createSilo)
    {
        var ct = TestContext.Current.CancellationToken;
        const string Kept = "kept";
        const string Cleared = "cleared";

        var first = createSilo();
        try
        {
            await first.StartAsync(ct);
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IStateAndReminderGrain>(Kept).SetValueAsync("written by the first silo");
            await grains.GetGrain<IStateAndReminderGrain>(Kept).StartReminderAsync(ReminderPeriod);
            await grains.GetGrain<IStateAndReminderGrain>(Cleared).SetValueAsync("cleared by the first silo");
            await grains.GetGrain<IStateAndReminderGrain>(Cleared).ClearValueAsync();

            await first.Services.GetRequiredService<ReminderProbe>().WaitAsync(Kept, StateAndReminderGrain.ReminderName, TickTimeout);
            await first.StopAsync(ct);
        }
        finally
        {
            await DisposeAsync(first);
        }

        var second = createSilo();
        try
        {
            await second.StartAsync(ct);

            // Before any call to the grain: only the reminder service, reading the table, can activate it.
            await second.Services.GetRequiredService<ReminderProbe>().WaitAsync(Kept, StateAndReminderGrain.ReminderName, TickTimeout);

            var grains = second.Services.GetRequiredService<IGrainFactory>();
            Assert.Equal("written by the first silo", await grains.GetGrain<IStateAndReminderGrain>(Kept).GetValueAsync());
            Assert.Equal([StateAndReminderGrain.ReminderName], await grains.GetGrain<IStateAndReminderGrain>(Kept).GetReminderNamesAsync());
            Assert.Null(await grains.GetGrain<IStateAndReminderGrain>(Cleared).GetValueAsync());
            await second.StopAsync(ct);
        }
        finally
        {
            await DisposeAsync(second);
        }
    }

    private static IHost CreateSilo(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ReminderProbe>();
        builder.UseOrleans(silo =>
        {
            configure(silo);
            // Orleans refuses periods under a minute by default; the test waits for ticks, not minutes.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        return builder.Build();
    }

    private static (string ServiceId, string ClusterId) Ids()
    {
        var id = Guid.NewGuid().ToString("N");
        return ($"service-{id}", $"cluster-{id}");
    }

    private static async Task DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
