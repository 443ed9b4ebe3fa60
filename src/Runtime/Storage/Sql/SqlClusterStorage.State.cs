namespace SyncHire.Runtime.Storage.Sql;

internal sealed partial class SqlClusterStorage
{
    public async Task<StoredState> ReadStateAsync(string grainId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        var rows = await ReadAsync(
            "SELECT json, etag FROM grain_state WHERE grain_id = @grain",
            command => command.AddParameter("grain", grainId),
            reader => new StoredState(reader.GetString(0), reader.GetString(1)),
            cancellationToken);
        return rows.Count == 0 ? new StoredState(null, null) : rows[0];
    }

    public async Task<string> WriteStateAsync(string grainId, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);
        ArgumentNullException.ThrowIfNull(json);

        // One conditional statement each way, so the check and the write cannot be split by another writer.
        var newETag = NewETag();
        var written = await ExecuteAsync(
            expectedETag is null
                ? "INSERT INTO grain_state (grain_id, json, etag) VALUES (@grain, @json, @etag) ON CONFLICT (grain_id) DO NOTHING"
                : "UPDATE grain_state SET json = @json, etag = @etag WHERE grain_id = @grain AND etag = @expected",
            command =>
            {
                command.AddParameter("grain", grainId);
                command.AddParameter("json", json);
                command.AddParameter("etag", newETag);
                if (expectedETag is not null)
                {
                    command.AddParameter("expected", expectedETag);
                }
            },
            cancellationToken);

        if (written != 1)
        {
            throw new InconsistentStateException(
                expectedETag is null
                    ? $"State of '{grainId}' was not written: it already exists but this writer expected none."
                    : $"State of '{grainId}' was not written: its ETag is no longer '{expectedETag}'.");
        }

        return newETag;
    }

    /// <remarks>With a null ETag there is nothing to clear: it succeeds if no state exists, and throws if some does.</remarks>
    public async Task ClearStateAsync(string grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId);

        if (expectedETag is null)
        {
            var current = await ReadStateAsync(grainId, cancellationToken);
            if (current.ETag is not null)
            {
                throw new InconsistentStateException($"State of '{grainId}' was not cleared: it exists but this writer expected none.");
            }

            return;
        }

        var deleted = await ExecuteAsync(
            "DELETE FROM grain_state WHERE grain_id = @grain AND etag = @expected",
            command =>
            {
                command.AddParameter("grain", grainId);
                command.AddParameter("expected", expectedETag);
            },
            cancellationToken);
        if (deleted != 1)
        {
            throw new InconsistentStateException($"State of '{grainId}' was not cleared: its ETag is no longer '{expectedETag}'.");
        }
    }
}
