using Microsoft.Extensions.Logging;

namespace SyncHire.Providers;

/// <summary>The registry's and the fallback adapter's log lines, as source-generated messages.</summary>
internal static partial class ProviderCoreLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Requested} is not available here; using {Provider}")]
    public static partial void Substituted(ILogger logger, string requested, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime provider {Provider} could not be connected; trying {Next}")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string provider, string next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Realtime provider {Provider} is not configured here; skipping it")]
    public static partial void Skipped(ILogger logger, string provider);
}
