using Orleans.Storage;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The transcript in grain storage as an append-only log of fixed-size chunks: rows "transcript-0", "transcript-1",
/// … of the interview's grain id, each holding <see cref="ChunkSize"/> consecutive turns (the last one fewer). A
/// new turn rewrites only the chunk it lands in, so the cost of a turn does not grow with the interview, and a turn
/// never rewrites the interview's other state. Every write is compare-and-swap on the chunk's ETag, like Orleans'
/// own persistent state: a stale activation's write fails with <see cref="InconsistentStateException"/>.
/// </summary>
/// <remarks>Used inside turns only (activation, saves, erasure).</remarks>
internal sealed class TranscriptLog(IGrainStorage storage, GrainId grainId, int chunkSize = TranscriptLog.DefaultChunkSize)
{
    public const int DefaultChunkSize = 16;

    public const string StatePrefix = "transcript-";

    /// <summary>The chunks as last read or written, with their ETags; index = chunk number.</summary>
    private readonly List<GrainState<TranscriptChunk>> _chunks = [];

    public int ChunkSize => chunkSize;

    /// <summary>Every stored turn, in order: the chunks are read until the first one that does not exist.</summary>
    public async Task<IReadOnlyList<TranscriptTurn>> ReadAllAsync()
    {
        _chunks.Clear();
        var turns = new List<TranscriptTurn>();
        while (true)
        {
            var chunk = new GrainState<TranscriptChunk>();
            await storage.ReadStateAsync(StateName(_chunks.Count), grainId, chunk);
            if (!chunk.RecordExists || chunk.State is null || chunk.State.Turns.Count == 0)
            {
                _chunks.Add(chunk); // Its ETag is what a first write of this chunk must present.
                return turns;
            }

            _chunks.Add(chunk);
            turns.AddRange(chunk.State.Turns);
            if (chunk.State.Turns.Count < chunkSize)
            {
                return turns;
            }
        }
    }

    /// <summary>
    /// Persists the turns of <paramref name="transcript"/> from <paramref name="storedCount"/> on (the ones before are
    /// stored already and unchanged): it writes only the chunks those turns fall in.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<TranscriptTurn> transcript, int storedCount)
    {
        if (transcript.Count <= storedCount)
        {
            return;
        }

        for (var index = storedCount / chunkSize; index * chunkSize < transcript.Count; index++)
        {
            var start = index * chunkSize;
            var turns = new TranscriptTurn[Math.Min(chunkSize, transcript.Count - start)];
            for (var i = 0; i < turns.Length; i++)
            {
                turns[i] = transcript[start + i];
            }

            var chunk = ChunkAt(index);
            var written = new GrainState<TranscriptChunk>(new TranscriptChunk { Turns = turns }, chunk.ETag);
            await DurableWrites.RetryAsync(() => storage.WriteStateAsync(StateName(index), grainId, written));
            _chunks[index] = written;
        }
    }

    /// <summary>Removes every chunk this activation knows of (all of them, after <see cref="ReadAllAsync"/> or writes).</summary>
    public async Task ClearAsync()
    {
        for (var index = 0; index < _chunks.Count; index++)
        {
            var chunk = _chunks[index];
            if (chunk.RecordExists || chunk.ETag is not null)
            {
                await storage.ClearStateAsync(StateName(index), grainId, chunk);
            }
        }
    }

    private GrainState<TranscriptChunk> ChunkAt(int index)
    {
        while (_chunks.Count <= index)
        {
            _chunks.Add(new GrainState<TranscriptChunk>());
        }

        return _chunks[index];
    }

    private static string StateName(int index) => StatePrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
