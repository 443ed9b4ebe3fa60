namespace SyncHire.Gateway.Candidates;

/// <summary>
/// The candidate relay's log lines, in one place: generated, so a disabled level costs one check and the arguments
/// are neither boxed nor put in a params array.
/// </summary>
internal static partial class CandidateRelayLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate connected to interview {InterviewId}")]
    public static partial void CandidateConnected(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate left interview {InterviewId} ({Close})")]
    public static partial void CandidateLeft(ILogger logger, string interviewId, string close);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview connection lost ({Reason}); asking the candidate to reconnect")]
    public static partial void InterviewConnectionLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview connection is full; closing it so the candidate reconnects")]
    public static partial void InterviewConnectionFull(ILogger logger);
}
