namespace SyncHire.TestSupport.Candidates;

/// <summary>
/// The candidate's end of an interview connection, as whole frames: a WebSocket to a gateway
/// (<see cref="CandidateSocket"/>) or, in the grain tests, a silo's in-process connection (tests/Testing).
/// <see cref="CandidateClient"/> speaks the protocol over either.
/// </summary>
public interface ICandidateChannel : IAsyncDisposable
{
    /// <summary>Set once the server has closed the connection.</summary>
    CandidateClose? Close { get; }

    /// <summary>A JSON text frame.</summary>
    ValueTask SendTextAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>A binary frame of candidate audio: PCM16 little-endian mono 16 kHz.</summary>
    ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken);

    /// <summary>The next whole frame, or null once the server has closed (then <see cref="Close"/> says how).</summary>
    ValueTask<ServerFrame?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes normally (1000) from the candidate's side.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}
