using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Connections;
using SyncHire.Runtime.Membership;
using SyncHire.Runtime.Messaging;
using SyncHire.Runtime.Placement;
using SyncHire.Runtime.Reminders;
using SyncHire.Runtime.Storage;
using SyncHire.Runtime.Storage.Sql;

namespace SyncHire.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime configured by the "Cluster" section: storage, membership, directory, the grain
    /// factory and connector, and — when the role hosts grains — the silo (activations, heartbeats, reminders).
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration, Action<ClusterOptions>? configure = null)
    {
        var options = new ClusterOptions();
        configuration.GetSection(ClusterOptions.SectionName).Bind(options);
        configure?.Invoke(options);
        return services.AddGrainRuntime(options);
    }

    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, ClusterOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RuntimeJson.CreateOptions());
        GetOrAddTypeRegistry(services);
        services.AddSingleton(_ => CreateStorage(options));
        services.AddSingleton<ClusterMembershipView>();
        services.AddSingleton(sp => new RemoteSiloClient(options, sp.GetRequiredService<JsonSerializerOptions>()));
        services.AddSingleton(sp => new GrainLocator(sp.GetRequiredService<IClusterStorage>(), sp.GetRequiredService<ClusterMembershipView>(), sp.GetService<SiloRuntime>()));
        services.AddSingleton(sp => new GrainCallInvoker(
            sp.GetRequiredService<GrainLocator>(),
            sp.GetRequiredService<RemoteSiloClient>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GrainCallInvoker>>(),
            sp.GetService<SiloRuntime>()));
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddSingleton<IGrainConnector, GrainConnector>();

        // Order matters: the schema exists before the silo joins and before reminders are polled.
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<MembershipRefreshService>();
        if (options.HostsGrains)
        {
            services.AddSingleton<SiloRuntime>();
            services.AddHostedService<SiloLifecycleService>();
            services.AddHostedService<ReminderService>();
        }

        return services;
    }

    /// <summary>Registers a grain implementation for its interface.</summary>
    public static IServiceCollection AddGrain<TInterface, TImplementation>(this IServiceCollection services)
        where TInterface : IGrainWithStringKey
        where TImplementation : Grain, TInterface
    {
        GetOrAddTypeRegistry(services).Register(typeof(TInterface), typeof(TImplementation));
        return services;
    }

    /// <summary>Maps the silo's internal endpoints (calls and connections from other processes). No-op for a gateway.</summary>
    public static WebApplication MapGrainRuntime(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ClusterOptions>().HostsGrains)
        {
            app.UseWebSockets();
            SiloEndpoints.Map(app);
        }

        return app;
    }

    private static GrainTypeRegistry GetOrAddTypeRegistry(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GrainTypeRegistry))?.ImplementationInstance;
        if (existing is GrainTypeRegistry registry)
        {
            return registry;
        }

        registry = new GrainTypeRegistry();
        services.AddSingleton(registry);
        return registry;
    }

    private static IClusterStorage CreateStorage(ClusterOptions options)
    {
        if (options.Storage.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            // The embedded default lives in a file next to the app; make sure its folder exists.
            var path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder) && path != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        return ClusterStorageFactory.Create(options.Storage, options.ConnectionString);
    }
}
