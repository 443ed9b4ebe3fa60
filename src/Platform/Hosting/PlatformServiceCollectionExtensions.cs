using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    /// Adds <see cref="IPlatformStore"/> (and each of its small interfaces) on the database named by the "Cluster"
    /// section (Storage, ConnectionString), plus a hosted service that migrates its tables and imports
    /// "Platform:BootstrapApiKeys" at startup. Throws <see cref="FormatException"/> for malformed bootstrap keys.
    /// </summary>
    public static IServiceCollection AddPlatformStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var platform = new PlatformOptions();
        configuration.GetSection(PlatformOptions.SectionName).Bind(platform);
        var bootstrapKeys = BootstrapApiKeys.Parse(platform.BootstrapApiKeys);

        services.AddSingleton(platform);
        services.AddSingleton(database);
        services.AddSingleton<IPlatformStore>(_ => new SqlPlatformStore(database.Storage, database.ConnectionString));
        services.AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddSingleton<ITenantLocks>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddSingleton<IInterviewIndex>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddSingleton<IWebhookOutbox>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddSingleton<IUsageLedger>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddSingleton<IInvitationStore>(sp => sp.GetRequiredService<IPlatformStore>());
        services.AddHostedService(sp => new PlatformStoreInitializer(
            sp.GetRequiredService<IPlatformStore>(),
            bootstrapKeys,
            sp.GetRequiredService<ILogger<PlatformStoreInitializer>>()));
        return services;
    }
}
