using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using SyncHire.Platform.Hosting;

namespace SyncHire.OrleansStorage;

/// <summary>
/// Runs <see cref="OrleansDatabaseSchema.MigrateAsync"/> as the silo's first start step: membership, grain storage
/// and reminders read their queries and tables in later stages, and participants of one stage start concurrently,
/// so the migration takes a stage of its own ahead of all of them (and ahead of the silo opening its ports, so a
/// database it cannot prepare stops the silo before it joins anything).
/// </summary>
internal sealed class OrleansSchemaMigration(DatabaseOptions database, ILogger<OrleansSchemaMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(OrleansSchemaMigration),
            ServiceLifecycleStage.First,
            ct => OrleansDatabaseSchema.MigrateAsync(database, logger, ct));
}
