using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using SyncHire.Platform.Hosting;

namespace SyncHire.OrleansStorage;

public static class SyncHireDatabaseSiloBuilderExtensions
{
    /// <summary>
    /// Puts the silo's Orleans state in the deployment's one database, migrated when the silo starts:
    /// <list type="bullet">
    /// <item>the default grain storage (<c>[PersistentState("state")]</c> without a storage name) on ADO.NET, as plain
    /// JSON (<see cref="JsonGrainStateSerializer"/>);</item>
    /// <item>reminders: Orleans' ADO.NET reminder table on PostgreSQL, <see cref="SqliteReminderTable"/> on SQLite;</item>
    /// <item>clustering: ADO.NET membership on PostgreSQL. On SQLite none: the caller configures localhost
    /// clustering (<c>UseLocalhostClustering</c>), since SQLite is the single-node embedded default.</item>
    /// </list>
    /// Cluster and service ids, endpoints and other membership settings stay with the caller.
    /// </summary>
    public static ISiloBuilder UseSyncHireDatabase(this ISiloBuilder silo, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(database.ConnectionString);

        // A copy: the caller's options object may change after configuration, the silo's database may not.
        var snapshot = new DatabaseOptions { Storage = database.Engine, ConnectionString = database.ConnectionString };
        var connectionString = snapshot.ConnectionString;
        var invariant = OrleansAdoNetInvariants.For(snapshot);

        silo.ConfigureServices(services => services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            provider => new OrleansSchemaMigration(snapshot, provider.GetRequiredService<ILogger<OrleansSchemaMigration>>())));

        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new JsonGrainStateSerializer();
        });

        if (snapshot.IsPostgres)
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = invariant;
                options.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = invariant;
                options.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.AddReminders();
            silo.ConfigureServices(services => services.AddSingleton<IReminderTable>(provider =>
                new SqliteReminderTable(connectionString, provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId)));
        }

        return silo;
    }
}
