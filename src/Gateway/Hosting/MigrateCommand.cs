using SyncHire.OrleansStorage;
using SyncHire.Platform.Hosting;
using SyncHire.Platform.Storage.Sql;
using SyncHire.ServiceDefaults;

namespace SyncHire.Gateway.Hosting;

/// <summary>
/// <c>SyncHire.Gateway migrate</c>: creates or upgrades everything the deployment's database needs (Orleans'
/// clustering, grain storage and reminder schema, and the platform's tables), then exits. Every process also does this
/// at start, safely when several start at once; the command lets an operator (or the Kubernetes Job in k8s/) do it
/// before a rollout, with the same settings (appsettings.json, environment, arguments) as the processes.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggerFactory.CreateLogger(typeof(MigrateCommand));
        // No host runs here, so no container validates the settings: read them with the registered validator.
        var database = BuildTimeOptions.Read(builder.Configuration, DatabaseOptions.SectionName, new DatabaseOptionsValidator());
        using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await OrleansDatabaseSchema.MigrateAsync(database, logger, stopping.Token);
        await using var platform = new SqlPlatformStore(database.Storage, database.ConnectionString);
        await platform.InitializeAsync(stopping.Token);
        logger.LogInformation("The {Engine} database is migrated for Orleans and the platform", database.Engine);
        return 0;
    }
}
