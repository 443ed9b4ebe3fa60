namespace SyncHire.Grains.Candidates;

public enum FrameKind : byte
{
    Text = 1,
    Binary = 2,
}

/// <summary>One message on a grain connection: a UTF-8 JSON text frame or a binary (PCM) frame.</summary>
public readonly record struct ConnectionFrame(FrameKind Kind, ReadOnlyMemory<byte> Payload)
{
    public static ConnectionFrame Text(ReadOnlyMemory<byte> utf8Json) => new(FrameKind.Text, utf8Json);
    public static ConnectionFrame Binary(ReadOnlyMemory<byte> data) => new(FrameKind.Binary, data);
}

/// <summary>Why a connection closed. Codes follow WebSocket close codes so they pass through unchanged.</summary>
public sealed record ConnectionClose(int Code, string Reason)
{
    public static readonly ConnectionClose Normal = new(1000, "closed");

    /// <summary>The grain's activation is going away (its silo stopping, or it moving); reconnect and it resumes.</summary>
    public static ConnectionClose SiloGoingAway(string reason) => new(1012, reason);

    /// <summary>The transport failed (peer died); reconnect.</summary>
    public static ConnectionClose Lost(string reason) => new(1011, reason);
}
