using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Providers.OpenAI;

/// <summary>
/// Every log line the OpenAI Realtime adapter writes, in one place: generated, so a disabled level costs one check and
/// the arguments are neither boxed nor put in a params array.
/// </summary>
internal static partial class OpenAIRealtimeLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "OpenAI Realtime: an audio frame was not sent; the connection is gone ({Failure})")]
    public static partial void AudioNotSent(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "OpenAI Realtime session open at {Endpoint}, voice {Voice}, turn detection {TurnDetection}")]
    public static partial void SessionOpened(ILogger logger, string endpoint, string voice, TurnDetectionMode turnDetection);

    [LoggerMessage(Level = LogLevel.Debug, Message = "OpenAI Realtime: a command was not sent; the connection is gone")]
    public static partial void CommandNotSent(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "OpenAI Realtime: stopped reading a closed session")]
    public static partial void ReadingStopped(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenAI Realtime connection lost: {Error}")]
    public static partial void ConnectionLost(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "OpenAI Realtime: response request overtaken by an active response")]
    public static partial void ResponseRequestOvertaken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenAI Realtime error {Code}: {Message}")]
    public static partial void ServerErrorReported(ILogger logger, string code, string message);
}
