using System.Text.Json;

namespace SyncHire.Runtime.Storage;

/// <summary>Typed grain state over <see cref="IClusterStorage"/>, serialized as JSON.</summary>
public sealed class GrainStateStore(IClusterStorage storage, JsonSerializerOptions json)
{
    public async Task<(TState? State, string? ETag)> ReadAsync<TState>(GrainId grainId, CancellationToken cancellationToken)
        where TState : class
    {
        var stored = await storage.ReadStateAsync(grainId.ToString(), cancellationToken);
        return stored.Json is null ? (null, stored.ETag) : (JsonSerializer.Deserialize<TState>(stored.Json, json), stored.ETag);
    }

    public Task<string> WriteAsync<TState>(GrainId grainId, TState state, string? expectedETag, CancellationToken cancellationToken) =>
        storage.WriteStateAsync(grainId.ToString(), JsonSerializer.Serialize(state, json), expectedETag, cancellationToken);

    public Task ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken) =>
        storage.ClearStateAsync(grainId.ToString(), expectedETag, cancellationToken);
}
