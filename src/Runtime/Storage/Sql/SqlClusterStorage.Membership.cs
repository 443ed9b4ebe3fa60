namespace SyncHire.Runtime.Storage.Sql;

internal sealed partial class SqlClusterStorage
{
    public Task UpsertSiloAsync(SiloRecord silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(silo.SiloId, nameof(silo));
        ArgumentException.ThrowIfNullOrWhiteSpace(silo.Address, nameof(silo));
        RequireDefined(silo.Status);

        return ExecuteAsync(
            """
            INSERT INTO silos (silo_id, address, status, started_at_ms, last_heartbeat_ms, hosts_grains)
            VALUES (@id, @address, @status, @started, @heartbeat, @hosts)
            ON CONFLICT (silo_id) DO UPDATE SET
                address = excluded.address, status = excluded.status, started_at_ms = excluded.started_at_ms,
                last_heartbeat_ms = excluded.last_heartbeat_ms, hosts_grains = excluded.hosts_grains
            """,
            command =>
            {
                command.AddParameter("id", silo.SiloId);
                command.AddParameter("address", silo.Address);
                command.AddParameter("status", (int)silo.Status);
                command.AddParameter("started", silo.StartedAtMs);
                command.AddParameter("heartbeat", silo.LastHeartbeatMs);
                command.AddParameter("hosts", silo.HostsGrains);
            },
            cancellationToken);
    }

    public async Task<bool> HeartbeatAsync(string siloId, long nowMs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);

        // The status condition makes a heartbeat that races with a declaration of death lose: once Dead, always Dead.
        var changed = await ExecuteAsync(
            "UPDATE silos SET last_heartbeat_ms = @now WHERE silo_id = @id AND status = @active",
            command =>
            {
                command.AddParameter("now", nowMs);
                command.AddParameter("id", siloId);
                command.AddParameter("active", (int)SiloStatus.Active);
            },
            cancellationToken);
        return changed == 1;
    }

    /// <remarks>Dead is final: a silo declared dead cannot come back under the same id (its grains moved on).</remarks>
    public Task SetSiloStatusAsync(string siloId, SiloStatus status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);
        RequireDefined(status);

        return ExecuteAsync(
            "UPDATE silos SET status = @status WHERE silo_id = @id AND status <> @dead",
            command =>
            {
                command.AddParameter("status", (int)status);
                command.AddParameter("id", siloId);
                command.AddParameter("dead", (int)SiloStatus.Dead);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT silo_id, address, status, started_at_ms, last_heartbeat_ms, hosts_grains FROM silos ORDER BY silo_id",
            _ => { },
            reader => new SiloRecord(
                reader.GetString(0),
                reader.GetString(1),
                (SiloStatus)reader.GetInt32(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetBoolean(5)),
            cancellationToken);

    public async Task<IReadOnlyList<string>> DeclareStaleSilosDeadAsync(long staleBeforeMs, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);

        IReadOnlyList<string> declared;
        await using (var mark = connection.CreateCommand(
            transaction,
            "UPDATE silos SET status = @dead WHERE status = @active AND last_heartbeat_ms < @staleBefore RETURNING silo_id"))
        {
            mark.AddParameter("dead", (int)SiloStatus.Dead);
            mark.AddParameter("active", (int)SiloStatus.Active);
            mark.AddParameter("staleBefore", staleBeforeMs);
            declared = await mark.ReadAllAsync(reader => reader.GetString(0), cancellationToken);
        }

        // Entries of every Dead silo go, not only the ones just declared: the same transaction, so no caller ever
        // sees a silo Dead while its grains still look placed there.
        await using (var orphans = connection.CreateCommand(
            transaction,
            "DELETE FROM grain_directory WHERE silo_id IN (SELECT silo_id FROM silos WHERE status = @dead)"))
        {
            orphans.AddParameter("dead", (int)SiloStatus.Dead);
            await orphans.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return declared;
    }

    private static void RequireDefined(SiloStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown silo status.");
        }
    }
}
