namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>
/// What a candidate's client can ask of its interview, after parsing. A closed set: the grain switches on it, so a
/// new client message type is a new nested record here and a new case there.
/// </summary>
public abstract record ClientMessage
{
    private ClientMessage()
    {
    }

    /// <summary><c>start_interview</c>: start, or resume if the interview is already running.</summary>
    /// <param name="Consent">The candidate agreed to the recording (<c>"consent": true</c>, sent by the web app).</param>
    public sealed record StartInterview(bool Consent = false) : ClientMessage;

    /// <summary><c>audio_chunk</c> (JSON int16 array) or a binary frame: PCM16 little-endian mono 16 kHz.</summary>
    public sealed record AudioChunk(ReadOnlyMemory<byte> Pcm16) : ClientMessage;

    /// <summary><c>send_for_AI_processing</c>: the candidate finished speaking; answer now.</summary>
    public sealed record CommitTurn : ClientMessage;

    /// <summary><c>end_interview</c>: the candidate ends the interview.</summary>
    public sealed record EndInterview : ClientMessage;

    /// <summary><c>text_answer</c>: a typed answer, for candidates without a microphone.</summary>
    public sealed record TextAnswer(string Text) : ClientMessage;

    /// <summary><c>ping</c>: answered with <c>pong</c>; lets clients measure liveness through proxies.</summary>
    public sealed record Ping : ClientMessage;
}
