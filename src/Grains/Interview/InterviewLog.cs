using Microsoft.Extensions.Logging;

namespace SyncHire.Grains.Interview;

/// <summary>The interview's log lines on paths that run per frame: generated, so a disabled level costs one check.</summary>
internal static partial class InterviewLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId}: an audio frame was lost as the provider session closed or failed ({Failure})")]
    public static partial void AudioFrameLost(ILogger logger, string interviewId, string failure);
}
