using Microsoft.Extensions.Logging;

namespace SyncHire.Grains.Providers.OpenAI;

/// <summary>The adapter's log lines on its per-frame path: generated, so a disabled level costs one check.</summary>
internal static partial class OpenAIRealtimeLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "OpenAI Realtime: an audio frame was not sent; the connection is gone ({Failure})")]
    public static partial void AudioNotSent(ILogger logger, string failure);
}
