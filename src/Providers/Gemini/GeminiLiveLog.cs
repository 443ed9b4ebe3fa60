using Microsoft.Extensions.Logging;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// Every log line the Gemini Live adapter writes, in one place: generated, so a disabled level costs one check and the
/// arguments are neither boxed nor put in a params array.
/// </summary>
internal static partial class GeminiLiveLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Gemini Live: dropping the result of tool call {CallId}, which is no longer pending")]
    public static partial void ToolResultDropped(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini Live connection lost ({Reason}); resuming the session")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gemini Live session resumed on a new connection after {Reason} ({Replayed} messages replayed)")]
    public static partial void SessionResumed(ILogger logger, string reason, int replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini Live resumption attempt {Attempt} of {Attempts} failed: {Failure}")]
    public static partial void ResumptionAttemptFailed(ILogger logger, int attempt, int attempts, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gemini Live session lost: {Code}: {Message}")]
    public static partial void SessionLost(ILogger logger, string code, string message);
}
