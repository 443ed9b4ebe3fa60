using SyncHire.Providers;

namespace SyncHire.Grains.Interview;

/// <summary>
/// The interviewer response being produced right now: when it started, how much audio went out (to tell the
/// provider how much the candidate heard on barge-in) and what it did, for the transcript.
/// </summary>
internal sealed class ActiveResponse(DateTimeOffset startedAt)
{
    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? FirstAudioAt { get; set; }

    public long AudioBytes { get; set; }

    /// <summary>A final transcript turn was stored for this response (so ResponseDone need not store its text).</summary>
    public bool TranscriptStored { get; set; }

    /// <summary>The candidate barged in and the provider was asked to cancel.</summary>
    public bool Interrupted { get; set; }

    /// <summary>The model called a tool in this response, so another response follows the tool result.</summary>
    public bool CalledTool { get; set; }

    /// <summary>
    /// The interviewer finished speaking and handed the turn to the candidate: nothing is in flight, the moment a
    /// provider session can be swapped without anyone noticing.
    /// </summary>
    public bool EndedQuietly(ResponseDone done) => FirstAudioAt is not null && !CalledTool && !Interrupted && !done.Cancelled;
}
