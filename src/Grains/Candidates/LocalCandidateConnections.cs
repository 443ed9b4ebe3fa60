using System.Collections.Concurrent;

namespace SyncHire.Grains.Candidates;

/// <summary>
/// The hand-over point between the socket relay and the interview grain in one process (a silo-wide singleton).
/// The relay parks the grain's end of a new connection here under a fresh id and passes only the id in a grain
/// call; the grain takes it out. An activation on another silo does not find it, which is how the grain learns it
/// must move to the candidate's silo.
/// </summary>
public sealed class LocalCandidateConnections
{
    private readonly ConcurrentDictionary<string, ICandidateConnection> _parked = new(StringComparer.Ordinal);

    /// <summary>Parks <paramref name="grainSide"/> and returns the id to pass to the grain.</summary>
    public string Park(ICandidateConnection grainSide)
    {
        var id = Guid.NewGuid().ToString("N");
        _parked[id] = grainSide;
        return id;
    }

    /// <summary>Takes the connection parked under <paramref name="id"/>; null if it is not in this process (or taken).</summary>
    public ICandidateConnection? Take(string id) => _parked.TryRemove(id, out var connection) ? connection : null;

    /// <summary>Forgets a connection nobody took (the attach failed).</summary>
    public void Forget(string id) => _parked.TryRemove(id, out _);
}
