using SyncHire.Grains.Usage;

namespace SyncHire.Grains.Providers;

/// <summary>
/// A realtime model provider plugin (offline interviewer, OpenAI Realtime, Gemini Live, STT→LLM→TTS pipeline).
/// Adding a provider means adding one of these and registering it; no core file changes.
/// </summary>
public interface IRealtimeProvider
{
    /// <summary>The name interviews select it by: "offline", "openai", "gemini", "pipeline".</summary>
    string Name { get; }

    /// <summary>Whether it can run here (its key and endpoint are configured).</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// How long one session may live before the provider ends it (OpenAI Realtime: 60 minutes, without warning),
    /// less a safety margin; the grain rolls over to a fresh session before then. Null: no limit the grain must
    /// manage (the adapter keeps the session alive itself, as Gemini's resumption does).
    /// </summary>
    TimeSpan? MaxSessionDuration => null;

    Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken);
}

/// <summary>
/// One live conversation with a provider. Commands go in through the methods; everything the provider says comes
/// out through <see cref="Events"/>, in order. Audio in is PCM16 mono 16 kHz (the candidate's rate; adapters
/// resample if their provider wants another); audio out is PCM16 mono 24 kHz.
/// </summary>
public interface IRealtimeSession : IAsyncDisposable
{
    IAsyncEnumerable<ProviderEvent> Events { get; }

    ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken);

    /// <summary>The candidate finished a turn (push-to-talk, or `send_for_AI_processing`).</summary>
    ValueTask CommitTurnAsync(CancellationToken cancellationToken);

    /// <summary>A typed message from the candidate (text mode), answered like speech.</summary>
    ValueTask SendTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>Ask the model to speak now (the greeting at the start of an interview).</summary>
    ValueTask CreateResponseAsync(CancellationToken cancellationToken);

    /// <summary>Barge-in: stop the current response; <paramref name="audioPlayed"/> is how much the candidate heard.</summary>
    ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken);

    ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken);

    ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken);
}

/// <summary>What a session is opened with. History seeds a reconnected session with the conversation so far.</summary>
public sealed record RealtimeSessionOptions(
    string Instructions,
    InterviewBrief Brief,
    IReadOnlyList<ToolDefinition> Tools,
    IReadOnlyList<HistoryTurn> History,
    string? Voice = null,
    string? Model = null,
    TurnDetectionSettings? TurnDetection = null);

/// <summary>The structured facts of the interview, for providers (the offline one) that do not read prompts.</summary>
public sealed record InterviewBrief(
    string CandidateName,
    string Role,
    string Level,
    int QuestionCount);

public sealed record HistoryTurn(string Speaker, string Text);

/// <param name="ParametersJsonSchema">A JSON Schema object for the arguments.</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersJsonSchema);

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
