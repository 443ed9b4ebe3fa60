namespace SyncHire.Providers;

/// <summary>Events every provider adapter produces, whatever its wire protocol.</summary>
public abstract record ProviderEvent;

/// <summary>The model began producing a response (the gateway shows "thinking" until audio arrives).</summary>
public sealed record ResponseStarted : ProviderEvent;

/// <summary>PCM16 mono 24 kHz audio of the interviewer.</summary>
public sealed record AudioDelta(ReadOnlyMemory<byte> Pcm16Mono24k) : ProviderEvent;

/// <summary>Transcript of the candidate's speech. <paramref name="IsFinal"/> ends the candidate's turn text.</summary>
public sealed record InputTranscriptDelta(string Text, bool IsFinal) : ProviderEvent;

/// <summary>Transcript of the interviewer's speech. <paramref name="IsFinal"/> carries the whole turn text.</summary>
public sealed record OutputTranscriptDelta(string Text, bool IsFinal) : ProviderEvent;

public sealed record SpeechStarted(TimeSpan AudioOffset) : ProviderEvent;

public sealed record SpeechStopped(TimeSpan AudioOffset) : ProviderEvent;

public sealed record ToolCall(string CallId, string Name, string ArgumentsJson) : ProviderEvent;

/// <summary>The response ended. <paramref name="Cancelled"/> when it was interrupted.</summary>
public sealed record ResponseDone(string? Text, bool Cancelled = false) : ProviderEvent;

/// <summary>
/// Model tokens the provider says one of its calls consumed (OpenAI Realtime: each response; Gemini Live: each turn;
/// the pipeline: each chat completion). Each report is new usage, never a running total, so the grain adds them up;
/// an adapter whose provider sends running totals reports the differences. Sent before the ResponseDone it belongs
/// to, so the usage of an interview's last response is counted before the interview ends.
/// </summary>
public sealed record UsageReported(TokenUsage Tokens) : ProviderEvent;

/// <summary>The provider will close the session soon (Gemini goAway, OpenAI's 60-minute limit).</summary>
public sealed record GoingAway(TimeSpan TimeLeft) : ProviderEvent;

/// <param name="Fatal">The session is unusable; the grain reconnects or fails over.</param>
public sealed record ProviderError(string Code, string Message, bool Fatal) : ProviderEvent;
