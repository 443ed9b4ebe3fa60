using System.Net.WebSockets;
using System.Text;
using SyncHire.Grains.Candidates;

namespace SyncHire.Gateway.Candidates;

/// <summary>Translates a grain connection's close into a close frame a browser accepts.</summary>
internal static class ClientCloseStatus
{
    /// <summary>The silo hosting the interview went away; the client should reconnect (RFC 6455 "service restart").</summary>
    public const WebSocketCloseStatus ServiceRestart = (WebSocketCloseStatus)1012;

    /// <summary>A close frame's reason is limited to 123 bytes of UTF-8.</summary>
    private const int MaxReasonBytes = 123;

    /// <summary>True when the grain side did not end the session but lost it: the interview lives on elsewhere.</summary>
    public static bool IsLost(ConnectionClose close) => close.Code is 1011 or 1012;

    /// <summary>The close code as is, unless it is one a peer may not send (then "internal error").</summary>
    public static WebSocketCloseStatus From(ConnectionClose close) => close.Code switch
    {
        >= 1000 and <= 1003 or >= 1007 and <= 1014 or >= 3000 and <= 4999 => (WebSocketCloseStatus)close.Code,
        _ => WebSocketCloseStatus.InternalServerError,
    };

    public static string Reason(string? reason)
    {
        if (string.IsNullOrEmpty(reason) || Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason ?? string.Empty;
        }

        var length = Math.Min(reason.Length, MaxReasonBytes);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes)
        {
            length--;
        }

        // Never cut a surrogate pair in half: the peer would reject the close frame as invalid UTF-8.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return reason[..length];
    }
}
