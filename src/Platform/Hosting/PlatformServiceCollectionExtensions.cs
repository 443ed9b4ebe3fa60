using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHire.Platform.Interviews;
using SyncHire.Platform.Invitations;
using SyncHire.Platform.Storage.Sql;
using SyncHire.Platform.Tenants;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Platform.Hosting;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// The deployment's database (section "Cluster": Storage, ConnectionString) as <c>IOptions&lt;DatabaseOptions&gt;</c>,
    /// validated at start. Idempotent: the platform, the grains and the silo each ask for it.
    /// </summary>
    public static IServiceCollection AddDatabaseOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<DatabaseOptions>)))
        {
            return services;
        }

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="IPlatformStore"/> (and each of its small interfaces) on the deployment's database, plus a
    /// hosted service that migrates its tables and imports "Platform:BootstrapApiKeys" at startup (malformed keys
    /// fail the start). Idempotent: a host that hosts grains without the gateway gets the store from the grains'
    /// registration.
    /// </summary>
    public static IServiceCollection AddPlatformStore(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IPlatformStore)))
        {
            return services;
        }

        services.AddDatabaseOptions();
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>());

        // One store, so one connection pool; each small interface is the store's part for that table.
        services.AddSingleton(sp => NewStore(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<IPlatformStore>(sp => sp.GetRequiredService<SqlPlatformStore>());
        services.AddSingleton(sp => sp.GetRequiredService<SqlPlatformStore>().Tenants);
        services.AddSingleton(sp => sp.GetRequiredService<SqlPlatformStore>().Locks);
        services.AddSingleton(sp => sp.GetRequiredService<SqlPlatformStore>().Interviews);
        services.AddSingleton(sp => sp.GetRequiredService<SqlPlatformStore>().Webhooks);
        services.AddSingleton(sp => sp.GetRequiredService<SqlPlatformStore>().Usage);
        services.AddSingleton(sp => sp.GetRequiredService<SqlPlatformStore>().Invitations);
        services.AddHostedService<PlatformStoreInitializer>();
        return services;
    }

    private static SqlPlatformStore NewStore(DatabaseOptions database) => new(database.Storage, database.ConnectionString);
}
