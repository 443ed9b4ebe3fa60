namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>Why a client frame was refused: a stable <see cref="ErrorCodes">code</see> and a sentence for people.</summary>
public sealed record ProtocolError(string Code, string Message);

/// <summary>A parsed client frame: exactly one of <see cref="Message"/> and <see cref="Error"/> is set.</summary>
public readonly record struct ClientParseResult
{
    private ClientParseResult(ClientMessage? message, ProtocolError? error)
    {
        Message = message;
        Error = error;
    }

    public ClientMessage? Message { get; }

    public ProtocolError? Error { get; }

    public static ClientParseResult Ok(ClientMessage message) => new(message, null);

    public static ClientParseResult Fail(string code, string message) => new(null, new ProtocolError(code, message));
}
