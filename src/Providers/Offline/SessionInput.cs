namespace SyncHire.Providers.Offline;

/// <summary>What reaches the offline interviewer's conversation loop, in the order it happened.</summary>
internal abstract record SessionInput;

/// <summary>The caller asked the interviewer to speak first (<see cref="IRealtimeSession.CreateResponseAsync"/>).</summary>
internal sealed record ResponseRequested : SessionInput;

internal sealed record CandidateSpeechBegan(TimeSpan Offset) : SessionInput;

internal sealed record CandidateTurnEnded(CandidateAnswer Answer) : SessionInput;

internal sealed record ToolResultReceived(string CallId, string ResultJson) : SessionInput;
