namespace SyncHire.Emulators.Shared;

/// <summary>Splits PCM into chunks and, in real-time mode, waits so they leave at playback speed.</summary>
public static class AudioPacer
{
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksAsync(
        byte[] pcm, int sampleRate, EmulatorOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunkBytes = (int)(sampleRate * options.AudioChunk.TotalSeconds) * 2;
        var started = TimeProvider.System.GetTimestamp();
        for (var offset = 0; offset < pcm.Length; offset += chunkBytes)
        {
            if (options.RealTimeAudio)
            {
                // Chunk n may leave once the audio before it has had time to play.
                var due = TimeSpan.FromSeconds((double)offset / 2 / sampleRate);
                var wait = due - TimeProvider.System.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }

            yield return pcm.AsMemory(offset, Math.Min(chunkBytes, pcm.Length - offset));
        }
    }
}
