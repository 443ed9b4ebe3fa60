using Microsoft.Extensions.Logging;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// Every log line the pipeline provider's session writes, in one place: generated, so a disabled level costs one check
/// and the arguments are neither boxed nor put in a params array.
/// </summary>
internal static partial class PipelineLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline session failed: {Code}: {Message}")]
    public static partial void StepFailed(ILogger logger, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline session failed")]
    public static partial void SessionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline: the transcription of a turn was empty; not answering it")]
    public static partial void EmptyTranscription(ILogger logger);
}
