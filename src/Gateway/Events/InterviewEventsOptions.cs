namespace SyncHire.Gateway.Events;

/// <summary>Configuration section "Events": the live event streams platforms follow.</summary>
public sealed class InterviewEventsOptions
{
    public const string SectionName = "Events";

    /// <summary>
    /// A comment line goes out after this long without an event, so proxies keep the stream open and a client notices
    /// a dead one. Also how long each watch of the interview waits (at most 20 seconds).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Consecutive failed watches (the hosting silo died and no other answered) before the stream closes.</summary>
    public int MaxConsecutiveFailures { get; set; } = 3;
}
