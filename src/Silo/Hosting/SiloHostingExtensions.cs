using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using SyncHire.Platform.Hosting;
using SyncHire.OrleansStorage;
using SyncHire.ServiceDefaults;

namespace SyncHire.Silo.Hosting;

/// <summary>
/// Makes a web host an Orleans silo as well: the gateway and the silo share the process, so a candidate's audio goes
/// from its socket to the interview grain's provider session in memory. With SQLite the silo is a one-node cluster on
/// localhost; with PostgreSQL clustering, grain state and reminders run on Orleans' ADO.NET providers over it.
/// </summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddSyncHireSilo(this WebApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        // Which database and which clustering decide how Orleans is configured, before the container exists: read
        // once here, through the same options classes and validators the container's IOptions<T> use.
        var configuration = builder.Configuration;
        var database = BuildTimeOptions.Read(configuration, DatabaseOptions.SectionName, new DatabaseOptionsValidator());
        var silo = BuildTimeOptions.Read(configuration, SiloOptions.SectionName, new SiloOptionsValidator());
        builder.Services.AddDatabaseOptions();
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>());

        // SIGTERM drains: Orleans deactivates this silo's interviews (candidates are told to reconnect, and resume on
        // another pod) before the process exits.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo", tags: [SiloActiveHealthCheck.ReadyTag]);

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            });
            ConfigureClustering(orleans, database, silo);
            orleans.UseSyncHireDatabase(database);
            orleans.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = silo.ProbeTimeout;
                o.NumMissedProbesLimit = silo.MissedProbesLimit;
                o.TableRefreshTimeout = silo.TableRefreshTimeout;
                o.IAmAliveTablePublishTimeout = silo.TableRefreshTimeout * 5;
            });
            orleans.Configure<GrainCollectionOptions>(o => o.CollectionAge = silo.CollectionAge);
            orleans.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = silo.MinimumReminderPeriod);
            orleans.AddDashboard();
            configure?.Invoke(orleans);
        });
        return builder;
    }

    private static void ConfigureClustering(ISiloBuilder orleans, DatabaseOptions database, SiloOptions silo)
    {
        if (!database.IsPostgres)
        {
            // The embedded default: one silo, found at its own loopback address (UseSyncHireDatabase adds no clustering).
            var primary = silo.PrimarySiloPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
            orleans.UseLocalhostClustering(silo.SiloPort, gatewayPort: 0, primary, silo.ServiceId, silo.ClusterId);
            return;
        }

        if (silo.Kubernetes ?? Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
        {
            // Pod name, namespace and IP from the downward API; silos of deleted pods are removed from membership.
            orleans.UseKubernetesHosting();
            orleans.Configure<EndpointOptions>(o => o.SiloPort = silo.SiloPort);
            return;
        }

        var advertised = silo.AdvertisedAddress is { Length: > 0 } address ? IPAddress.Parse(address) : FirstHostAddress();
        orleans.ConfigureEndpoints(advertised, silo.SiloPort, gatewayPort: 0, listenOnAnyHostAddress: true);
    }

    /// <summary>The first up, non-loopback IPv4 address of this host; loopback when it has none.</summary>
    private static IPAddress FirstHostAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
        ?? IPAddress.Loopback;
}
