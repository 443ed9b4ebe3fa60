using Microsoft.Extensions.Hosting;
using SyncHire.Platform;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Creates the platform tables on a grain host that was not given the platform store by its host (see
/// <see cref="CompletionServiceCollectionExtensions"/>). Runs after the cluster's storage initializer, which waits
/// for the database; the migration itself is idempotent and safe when processes run it at once.
/// </summary>
internal sealed class PlatformTablesInitializer(IPlatformStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
