namespace SyncHire.Grains.Candidates;

/// <summary>
/// Takes a frame of live audio without queuing it. The memory is the caller's again once the returned task
/// completes. False when the audio must be queued instead (read as a frame by the other side, in order).
/// </summary>
public delegate ValueTask<bool> AudioShortcut(ReadOnlyMemory<byte> pcm);

/// <summary>
/// A bidirectional stream of frames between the candidate's socket (the gateway) and the interview grain, always
/// inside one process: audio never crosses a grain call or a process boundary. Either side sees the same API.
/// </summary>
public interface ICandidateConnection : IAsyncDisposable
{
    /// <summary>Frames from the other side, in order. Completes when the connection closes.</summary>
    IAsyncEnumerable<ConnectionFrame> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Queues a frame for the other side. Returns false if the connection is closed or the peer is too slow.</summary>
    bool TrySend(ConnectionFrame frame);

    /// <summary>
    /// Hands a binary frame straight to the other side's <see cref="OpenAudioShortcut">shortcut</see>, on the
    /// caller's thread, with no copy and no queue hop. Only while every frame queued before it has been read and
    /// handled, so audio keeps its order relative to the messages around it. One sender at a time. False: nothing
    /// was taken; queue the frame with <see cref="TrySend"/>.
    /// </summary>
    ValueTask<bool> TrySendAudioAsync(ReadOnlyMemory<byte> pcm);

    /// <summary>Lets the other side hand live audio to <paramref name="shortcut"/> instead of queuing it.</summary>
    void OpenAudioShortcut(AudioShortcut shortcut);

    /// <summary>Closes both directions; the other side's read ends and it sees <paramref name="close"/>.</summary>
    ValueTask CloseAsync(ConnectionClose close);

    /// <summary>Completes with the close (from either side) once the connection has ended.</summary>
    Task<ConnectionClose> Closed { get; }
}
